import { DomainError } from '../../domain-error.ts';

/**
 * A police or figures file that cannot be read: the line (when one is at fault) and the reason.
 * Nothing is written when it is thrown. A DomainError, so a chat upload gets the message as a reply.
 */
export class MetricsFileError extends DomainError {
  override name = 'MetricsFileError';
  constructor(
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super('metrics.file-invalid', line === undefined ? reason : `line ${line}: ${reason}`);
  }
}
