import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Redaction is a second line of defence: code logs references (case IDs, account refs),
 * never personal data, and never request bodies.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        '*.contact',
        'contact',
        '*.token',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}
