import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference } from 'botbuilder';
import type { ConversationReferenceData } from '../features/conversations/conversation-refs.service.ts';
import type { OutgoingActivity, SendOutcome, Transport } from '../features/delivery/delivery.schemas.ts';

/**
 * Proactive sends through the Bot Framework adapter, with Teams' failures turned into outcomes:
 * 429 → throttled (Retry-After honoured), 412 and 5xx → retry, 403 → the app is not installed for
 * that person, 404/413 and other 4xx → failed for good.
 */
export function teamsTransport(adapter: TeamsAdapter, appId: string): Transport {
  return {
    async send(reference: ConversationReferenceData, activity: OutgoingActivity): Promise<SendOutcome> {
      let activityId: string | undefined;
      try {
        await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
          const response = await context.sendActivity(activity);
          activityId = response?.id;
        });
        return { kind: 'sent', activityId };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

function classify(error: unknown): SendOutcome {
  const e = error as { statusCode?: number; response?: { headers?: { get?(name: string): string | undefined } }; message?: string };
  const status = e.statusCode ?? 0;
  const message = `${status || 'network'}: ${e.message ?? 'send failed'}`.slice(0, 300);
  if (status === 429) {
    const header = e.response?.headers?.get?.('retry-after');
    const seconds = header ? Number(header) : NaN;
    return { kind: 'throttled', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined, error: message };
  }
  if (status === 403) return { kind: 'needs-install', error: message };
  if (status === 412 || status >= 500 || status === 0) return { kind: 'retry', error: message };
  return { kind: 'failed', error: message };
}
