import { DefaultLogger, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Routes the SDK's own logs (and workflow/activity context logs) into the process's pino logger. */
export function temporalLoggerFor(logger: Logger): DefaultLogger {
  const level = logger.level.toUpperCase();
  const sdkLevel: LogLevel = level in PINO_LEVEL ? (level as LogLevel) : 'INFO';
  return new DefaultLogger(sdkLevel, ({ level: entryLevel, message, meta }) => {
    logger[PINO_LEVEL[entryLevel]](meta ?? {}, message);
  });
}
