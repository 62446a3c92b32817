import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'token', 'accessToken', 'refreshToken'];

// The redaction library matches one level per wildcard, so secrets are covered
// up to four levels deep (e.g. `req.body.user.password`), which is as deep as
// anything we log.
const secretFieldPaths = SECRET_FIELDS.flatMap((field) => [
  field,
  `*.${field}`,
  `*.*.${field}`,
  `*.*.*.${field}`,
]);

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-refresh-token"]',
  // The shared secret of service-to-service calls, wherever a request's headers are logged.
  'req.headers["x-internal-token"]',
  'headers["x-internal-token"]',
  // A WebSocket upgrade carries the access token as the `bearer.<jwt>` subprotocol.
  'req.headers["sec-websocket-protocol"]',
  'headers["sec-websocket-protocol"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...secretFieldPaths,
];

export interface CreateLoggerOptions {
  name: string;
  level?: string;
  /** Human-readable output through pino-pretty: development only (it is a dev dependency). */
  pretty?: boolean;
  /** Where lines go instead of stdout (tests capture them). */
  destination?: DestinationStream;
}

export function createLogger(opts: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    name: opts.name,
    level: opts.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.pretty) {
    options.transport = { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } };
  }
  return pino(options);
}
