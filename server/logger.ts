import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; secrets in headers never reach them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'info-pour-tous' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.masterKey',
          '*.secretAccessKey',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
