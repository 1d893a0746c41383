import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger. Logs carry ids and event names, never narratives or personal data: the
 * redaction below is a safety net for fields that must never reach a log by accident.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'partnership-board-bot' },
    redact: {
      paths: [
        '*.text',
        '*.narrative',
        '*.email',
        '*.name',
        'activity.text',
        'activity.value',
        'activity.from.name',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
