import type { ConversationReferenceData } from '../conversations/conversation-refs.service.ts';

/** A message to deliver, as stored in the outbox payload: plain Bot Framework activity JSON. */
export interface OutgoingActivity {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain';
  attachments?: Array<{ contentType: string; content: unknown }>;
  summary?: string;
}

export interface OutboxPayload {
  activity: OutgoingActivity;
  /** The SentCard this message carries, to record the Teams activity id once sent. */
  sentCardId?: string;
  /**
   * The round the message belongs to, so undelivered ones are reported to its opener once the
   * round's fan-out has settled. Round cards are found through their SentCard instead.
   */
  roundId?: string;
}

/** Expected delivery outcomes are values, not exceptions (as Company Communicator does). */
export type SendOutcome =
  | { kind: 'sent'; activityId?: string }
  | { kind: 'throttled'; retryAfterMs?: number; error: string }
  | { kind: 'retry'; error: string }
  | { kind: 'needs-install'; error: string }
  | { kind: 'failed'; error: string };

/** What starting a 1:1 chat with someone who has none gave. */
export type CreateOutcome =
  | { kind: 'created'; reference: ConversationReferenceData }
  | { kind: 'throttled'; retryAfterMs?: number; error: string }
  | { kind: 'failed'; error: string };

/** Where and to whom a new personal conversation is created. */
export interface NewConversation {
  teamsUserId: string;
  tenantId: string;
  serviceUrl: string;
}

/** Sends one activity into a conversation. The Teams implementation lives at the edge (src/bot). */
export interface Transport {
  send(reference: ConversationReferenceData, activity: OutgoingActivity): Promise<SendOutcome>;
  /** Starts a 1:1 chat with a member the bot has never talked to (needs the app installed for them). */
  createPersonalConversation?(target: NewConversation): Promise<CreateOutcome>;
}

/**
 * Teams' published limits (bots/how-to/rate-limit): per bot per thread 7 messages a second, and
 * 50 requests a second per app per tenant. Settings, since Microsoft says the values may change.
 */
export interface RateLimits {
  perConversation: number;
  perTenant: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perConversation: 7, perTenant: 50 };

/** Outbox kinds that are about delivery itself: never reported as undelivered in turn. */
export const REPORT_KIND = 'delivery.report';
