import { HttpException } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@sutwxapp/contracts';

/**
 * An expected outcome the caller must see (out of stock, not payable…): a status, a stable
 * code from libs/contracts and a message a person can act on. Anything else is a bug.
 */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super({ code, message }, status);
  }
}

export const notFound = (code: ErrorCode, what: string): AppError => new AppError(404, code, `${what} not found`);
export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>): AppError =>
  new AppError(409, code, message, undefined, details);
export const badRequest = (message: string, errors?: FieldError[]): AppError =>
  new AppError(400, ErrorCode.VALIDATION_FAILED, message, errors);
export const unavailable = (code: ErrorCode, message: string): AppError => new AppError(503, code, message);
