import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { logContext } from './request-context';

/** Keys whose values must never reach a log line (session_key, passwords, keys, tokens). */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'sessionKey',
  '*.sessionKey',
  'session_key',
  '*.session_key',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'privateKey',
  '*.privateKey',
  'apiV3Key',
  '*.apiV3Key',
  'accessToken',
  '*.accessToken',
];

let lastMs = -1;
let lastTime = '';
/** pino's isoTime, formatted once per millisecond: a busy replica writes several lines in each. */
function isoTimeEachMs(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}

/** Under a log collector, after start-up, lines are written in batches of this many bytes. */
const BATCH_BYTES = 4096;
const DESTINATION = Symbol('destination');

/**
 * One JSON object per line on stdout, ready for Filebeat/Logstash. Writes are asynchronous so
 * logging never blocks the request hot path. Start-up lines are written as they happen (seeded,
 * where the admin password is, listening): in the 4 KB batch they would wait for later lines or
 * the exit, and pino's flush() does nothing while a write is in flight. Once start-up is over
 * (startupComplete), output to a collector is batched; on a terminal, where a person reads
 * along, every line is written at once, synchronously.
 */
export function createRootLogger(level: string, interactive = process.stdout.isTTY === true): Logger {
  const destination = pino.destination({ dest: 1, sync: interactive, minLength: 0 });
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // stdout already closed: nothing left to save
    }
  });
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'sutwxapp-api' },
    messageKey: 'msg',
    timestamp: isoTimeEachMs,
    formatters: { level: (label) => ({ level: label }) },
  };
  const root = pino({ ...options, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
  (root as WithAccessLogger)[ACCESS_LOGGER] = pino(options, destination);
  if (!interactive) (root as WithAccessLogger)[DESTINATION] = destination as typeof destination & { minLength: number };
  return root;
}

/** The server is up: from now on, output to a log collector is written in 4 KB batches. */
export function startupComplete(root: Logger): void {
  const destination = (root as WithAccessLogger)[DESTINATION];
  if (!destination) return;
  // Raised only once everything start-up wrote has left: lines still queued behind an in-flight
  // write when minLength goes up would wait for 4 KB more. An empty write makes SonicBoom emit
  // 'drain' as soon as nothing is pending (at once when idle, else after the queued lines).
  destination.once('drain', () => {
    destination.minLength = BATCH_BYTES;
  });
  destination.write('');
}

const ACCESS_LOGGER = Symbol('accessLogger');
type WithAccessLogger = Logger & {
  [ACCESS_LOGGER]?: Logger;
  [DESTINATION]?: ReturnType<typeof pino.destination> & { minLength: number };
};

/**
 * The logger for the per-request access line: the same stream and format as `root`, without the
 * redaction pass, which is most of a line's cost. Access lines carry only fixed, non-secret fields
 * (request id, method, url, route, status, ms), none of which a REDACT_PATHS entry names. Loggers
 * not made by createRootLogger (tests' capturing loggers) are used as they are.
 */
export function accessLogger(root: Logger): Logger {
  return (root as WithAccessLogger)[ACCESS_LOGGER] ?? root;
}

/** Routes Nest's own logging (bootstrap, exceptions) into the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ): void {
    // Nest passes (message, context) or (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    // the request (or background run) this line is written for, so its lines can be found together
    const ids = logContext();
    if (message instanceof Error) {
      this.logger[level]({ ...ids, context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...ids, context, ...message });
    } else {
      this.logger[level]({ ...ids, context, stack }, String(message));
    }
  }
}
