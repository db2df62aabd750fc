import { HttpException } from '@nestjs/common';
import { ErrorCode, type ErrorResponse } from '@sutwxapp/contracts';
import { AppError } from './app-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHORIZED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.TOO_MANY_REQUESTS,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** Fastify's own parser errors, which happen before any Nest code runs. */
const FASTIFY_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: ErrorCode.MALFORMED_JSON,
    message: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: ErrorCode.MALFORMED_JSON,
    message: 'The request body is empty but Content-Type says JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: 'The request body is larger than the server accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: 'Unsupported Content-Type; send application/json',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: ErrorCode.MALFORMED_REQUEST,
    message: 'The URL path contains an invalid %-escape; percent-encode it as UTF-8 (encodeURIComponent)',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: ErrorCode.URL_TOO_LONG,
    message: 'A path segment of the URL is longer than any id or name this API takes',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: ErrorCode.VALIDATION_FAILED,
    message: 'Content-Length does not match the body',
  },
};

/** Driver errors meaning "the database is not reachable right now": a 503, never a 500. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'POOL_CLOSED',
  'SQLITE_BUSY',
  'ER_LOCK_WAIT_TIMEOUT',
]);

export function isUnavailableError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /connect ETIMEDOUT|Connection lost|Pool is closed|closed state/i.test(e.message)
    ) {
      return true;
    }
    current = e.driverError ?? e.cause;
  }
  return false;
}

export interface MappedError {
  body: ErrorResponse;
  /** true when this is a bug (500): log it with its stack */
  unexpected: boolean;
}

export function toErrorResponse(err: unknown, requestId: string | undefined): MappedError {
  if (err instanceof AppError) {
    return {
      body: {
        statusCode: err.getStatus(),
        code: err.code,
        message: err.message,
        requestId,
        ...(err.errors ? { errors: err.errors } : {}),
        ...(err.details ?? {}),
      },
      unexpected: false,
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    let message = err.message;
    let code: string =
      CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED);
    if (typeof response === 'object' && response !== null) {
      const r = response as { message?: unknown; code?: unknown };
      if (typeof r.message === 'string') message = r.message;
      if (Array.isArray(r.message)) message = r.message.join('; ');
      if (typeof r.code === 'string') code = r.code;
    }
    // Fastify's body-parser errors arrive here already wrapped by Nest's adapter.
    if (status === 400 && /not valid JSON|Body cannot be empty when content-type/.test(message)) {
      code = ErrorCode.MALFORMED_JSON;
      message = 'The request body is not valid JSON';
    }
    if (status === 404 && /^Cannot [A-Z-]+ \//.test(message)) {
      code = ErrorCode.ROUTE_NOT_FOUND;
    }
    // Fastify's parser errors wrapped by Nest keep their terse text; say what to do instead.
    if (status === 413 && message === 'Request body is too large') {
      message = FASTIFY_ERRORS.FST_ERR_CTP_BODY_TOO_LARGE.message;
    }
    if (status === 415 && message === 'Unsupported Media Type') {
      message = FASTIFY_ERRORS.FST_ERR_CTP_INVALID_MEDIA_TYPE.message;
    }
    return { body: { statusCode: status, code, message, requestId }, unexpected: status >= 500 };
  }
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string' && FASTIFY_ERRORS[e.code]) {
    const known = FASTIFY_ERRORS[e.code];
    return {
      body: { statusCode: known.status, code: known.code, message: known.message, requestId },
      unexpected: false,
    };
  }
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return {
      body: {
        statusCode: e.statusCode,
        code: CODE_BY_STATUS[e.statusCode] ?? ErrorCode.VALIDATION_FAILED,
        message: typeof e.message === 'string' ? e.message : 'Bad request',
        requestId,
      },
      unexpected: false,
    };
  }
  if (isUnavailableError(err)) {
    return {
      body: {
        statusCode: 503,
        code: ErrorCode.SERVICE_UNAVAILABLE,
        message: 'A backing service is temporarily unavailable; please retry shortly',
        requestId,
      },
      unexpected: false,
    };
  }
  return {
    body: {
      statusCode: 500,
      code: ErrorCode.INTERNAL_ERROR,
      message: `Internal error; quote request id ${requestId ?? 'n/a'} when reporting it`,
      requestId,
    },
    unexpected: true,
  };
}
