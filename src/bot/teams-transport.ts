import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TurnContext, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../config.ts';
import type { ConversationReferenceData } from '../features/conversations/conversation-refs.service.ts';
import type { CreateOutcome, NewConversation, OutgoingActivity, SendOutcome, Transport } from '../features/delivery/delivery.schemas.ts';
import type { Logger } from '../logging/logger.ts';
import { createAdapter } from './adapter.ts';
import { inboundGuard } from './inbound-guard.ts';

/**
 * The adapter proactive sends use: the app's credentials and the guard on where tokens may go.
 * Not the Application's adapter: through that one the connector client was seen retrying 429s
 * inside a send (three requests per attempt), which the outbox's shared pause must own.
 */
export function outboundAdapter(config: Config, log: Logger, credentials?: ServiceClientCredentialsFactory): TeamsAdapter {
  const adapter = createAdapter(config, credentials);
  adapter.use(inboundGuard(config, log));
  return adapter;
}

/** The token audience for the Bot Connector (what CloudAdapter uses by default). */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * Proactive sends with Teams' failures turned into outcomes (per the Teams rate-limit guidance):
 * 429 → throttled (Retry-After honoured), 412 and 5xx → retry, 403 → the app is not installed for
 * that person or they blocked it (Teams' sub-code kept), 404, 413 and other 4xx → failed for good.
 */
export function teamsTransport(adapter: TeamsAdapter, appId: string): Transport {
  return {
    async send(reference: ConversationReferenceData, activity: OutgoingActivity): Promise<SendOutcome> {
      let activityId: string | undefined;
      let ran = false;
      try {
        await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
          ran = true;
          withoutSdkRetries(context);
          const response = await context.sendActivity(activity);
          activityId = response?.id;
        });
        // The adapter's guard refuses a service URL the bot may not send tokens to: nothing was sent.
        return ran ? { kind: 'sent', activityId } : { kind: 'failed', error: 'refused: service URL or tenant not allowed' };
      } catch (error) {
        return classify(error);
      }
    },

    async createPersonalConversation(target: NewConversation): Promise<CreateOutcome> {
      const parameters = {
        isGroup: false,
        bot: { id: appId, name: '' },
        members: [{ id: target.teamsUserId, name: '' }],
        tenantId: target.tenantId,
        channelData: { tenant: { id: target.tenantId } },
      } as unknown as ConversationParameters;
      let reference: ConversationReferenceData | undefined;
      try {
        await adapter.createConversationAsync(appId, 'msteams', target.serviceUrl, CONNECTOR_AUDIENCE, parameters, async (context) => {
          const ref = TurnContext.getConversationReference(context.activity) as ConversationReferenceData;
          reference = { ...ref, conversation: { ...ref.conversation, conversationType: 'personal', tenantId: target.tenantId } };
        });
      } catch (error) {
        const outcome = classify(error);
        return outcome.kind === 'throttled' ? outcome : { kind: 'failed', error: outcome.kind === 'sent' ? 'no conversation' : outcome.error };
      }
      return reference ? { kind: 'created', reference } : { kind: 'failed', error: 'the new conversation was refused by the inbound guard' };
    },
  };
}

/**
 * The connector client's Azure pipeline retries 429 and 5xx by itself (three times, sleeping
 * Retry-After inside the send). The outbox owns retries: a 429 must pause every worker through
 * the shared "throttled until", and attempts must be counted against the dead-letter budget. So
 * the policy is taken out of this turn's client before sending.
 */
function withoutSdkRetries(context: TurnContext): void {
  const key = (context.adapter as { ConnectorClientKey?: symbol }).ConnectorClientKey;
  const client = key ? context.turnState.get(key) : undefined;
  (client as { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } } | undefined)?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

interface ConnectorError {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
}

/** Teams puts its reason in the body: `{error: {code}}` and, for 403, sometimes a `subCode`. */
function teamsCode(e: ConnectorError): string | undefined {
  try {
    const body = JSON.parse(e.response?.bodyAsText ?? '') as { subCode?: string; error?: { code?: string; subCode?: string; innerHttpError?: { subCode?: string } } };
    return body.subCode ?? body.error?.subCode ?? body.error?.innerHttpError?.subCode ?? body.error?.code;
  } catch {
    return e.code;
  }
}

/** Turns a connector failure into an outcome value. Exported for tests. */
export function classify(error: unknown): SendOutcome {
  const e = error as ConnectorError;
  const status = e.statusCode ?? 0;
  const code = teamsCode(e);
  const message = `${status || 'network'}${code ? ` ${code}` : ''}: ${e.message ?? 'send failed'}`.slice(0, 300);
  if (status === 429) {
    const header = e.response?.headers?.get?.('retry-after');
    const seconds = header ? Number(header) : NaN;
    // Teams sends whole seconds; anything else falls back to jittered exponential backoff.
    return { kind: 'throttled', retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined, error: message };
  }
  if (status === 403) return { kind: 'needs-install', error: message };
  if (status === 412 || status >= 500 || status === 0) return { kind: 'retry', error: message };
  return { kind: 'failed', error: message };
}
