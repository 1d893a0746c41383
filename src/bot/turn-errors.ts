import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.ts';
import { DomainError } from '../domain-error.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

/** What the user reads when the database is down: nothing was saved, and it is worth retrying. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'Not saved: the database is unavailable. Please try again in a minute.';

/**
 * The single turn-error boundary. A DomainError carries a message meant for the user; a lost
 * database is said plainly (the turn's transaction never committed, so retrying is safe, and the
 * connection pool reconnects on the next turn); anything else gets a short apology with a
 * reference id, and the log gets the error under that id.
 */
export function handleTurnError(log: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const activity = context.activity;
    if (error instanceof DomainError) {
      log.info({ event: 'turn.refused', code: error.code, activityId: activity.id }, 'refused');
      await safeReply(context, error.userMessage, log);
      return;
    }
    if (isDatabaseUnavailable(error)) {
      log.warn({ event: 'turn.database_unavailable', activityId: activity.id, activityType: activity.type }, 'database unavailable');
      await safeReply(context, DATABASE_UNAVAILABLE_MESSAGE, log);
      return;
    }
    const reference = randomUUID().slice(0, 8);
    log.error(
      {
        event: 'turn.error',
        reference,
        activityId: activity.id,
        activityType: activity.type,
        conversationId: activity.conversation?.id,
        err: error,
      },
      'turn failed',
    );
    await safeReply(
      context,
      `Sorry, something went wrong and nothing was changed. If it happens again, quote reference ${reference}.`,
      log,
    );
  };
}

async function safeReply(context: TurnContext, text: string, log: Logger): Promise<void> {
  try {
    if (context.activity.type === 'invoke') {
      // An invoke waits for its response: answer it with the message instead of a chat reply.
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
        },
      });
      return;
    }
    await context.sendActivity(text);
  } catch (sendError) {
    log.error({ event: 'turn.error.reply_failed', err: sendError }, 'could not tell the user');
  }
}
