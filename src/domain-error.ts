/**
 * An expected refusal with a message for the user ("Only officers can open a round."). Handlers
 * throw it; the turn-error boundary turns it into a reply or an invoke response. Never carries
 * narratives or personal data in `code`.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: string,
    readonly userMessage: string,
    readonly status = 400,
  ) {
    super(`${code}: ${userMessage}`);
  }
}
