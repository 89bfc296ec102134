import pino, { type Logger } from 'pino';
import { maskContact, maskIdNumber, maskPhone } from '../personal-data/masking';
import type { PersonalContact } from '../personal-data/contact';

export type { Logger };

/**
 * Structured JSON logs. Redaction is a second line of defence: code logs references (case IDs, account refs),
 * never personal data, and never request bodies.
 */
/** Personal data that reaches a log anyway is masked as in API answers; secrets are removed. */
function maskForLog(value: unknown, path: string[]): unknown {
  const field = path[path.length - 1];
  if (typeof value === 'string' && field === 'phone') return maskPhone(value);
  if (typeof value === 'string' && field === 'idNumber') return maskIdNumber(value);
  if (field === 'contact' && value && typeof value === 'object') {
    const contact = value as Partial<PersonalContact>;
    return maskContact({ name: '', phone: '', address: '', ...contact });
  }
  return '[redacted]';
}

export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
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
        '*.phone',
        'phone',
        '*.idNumber',
        'idNumber',
      ],
      censor: maskForLog,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
