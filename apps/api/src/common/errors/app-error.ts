import { HttpException } from '@nestjs/common';
import { ERROR_TABLE, type ErrorCode, type FieldError } from '@sutwxapp/contracts';

/** The statuses a code may be answered with besides its own: its row's `also`, usually none. */
type OtherStatus<C extends ErrorCode> = (typeof ERROR_TABLE)[C] extends { readonly also: infer A } ? keyof A : never;

/** What a place that raises an error adds to its code's row in ERROR_TABLE. */
export interface ErrorSpecifics<C extends ErrorCode = ErrorCode> {
  /** per-field problems, answered as `errors` */
  errors?: FieldError[];
  /** facts a client can act on (`skuId` with OUT_OF_STOCK), spread into the body */
  details?: Record<string, unknown>;
  /** one of the other statuses the row lists in `also` */
  status?: OtherStatus<C>;
}

/**
 * An expected outcome the caller must see (out of stock, not payable…): a stable code from
 * libs/contracts, answered with the status and (unless the site says something more specific) the
 * message of its row in ERROR_TABLE. Anything else is a bug. Made through `Errors.<CODE>(…)` only
 * (architecture.spec.ts checks).
 */
export class AppError extends HttpException {
  readonly errors?: FieldError[];
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    { errors, details, status }: { errors?: FieldError[]; details?: Record<string, unknown>; status?: number } = {},
  ) {
    const row: { status: number; message: string; also?: Record<number, string> } = ERROR_TABLE[code];
    if (status !== undefined && status !== row.status && !(row.also && status in row.also)) {
      // a programming error, answered as one (500): the table is the one place statuses are chosen
      throw new Error(`${code} is answered with ${row.status}, not ${status} (ERROR_TABLE)`);
    }
    super({ code, message: message ?? row.message }, status ?? row.status);
    this.errors = errors;
    this.details = details;
  }
}

type ErrorFactory<C extends ErrorCode> = (message?: string, specifics?: ErrorSpecifics<C>) => AppError;

/**
 * One factory per code: `throw Errors.ORDER_NOT_FOUND()`,
 * `throw Errors.OUT_OF_STOCK(\`Only ${n} left\`, { details: { skuId } })`. The status and the
 * default message come from the code's row in ERROR_TABLE; a call passes only what is specific.
 */
export const Errors = Object.fromEntries(
  (Object.keys(ERROR_TABLE) as ErrorCode[]).map((code) => [
    code,
    (message?: string, specifics?: ErrorSpecifics) => new AppError(code, message, specifics),
  ]),
) as { readonly [C in ErrorCode]: ErrorFactory<C> };
