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
}

/** Expected delivery outcomes are values, not exceptions (as Company Communicator does). */
export type SendOutcome =
  | { kind: 'sent'; activityId?: string }
  | { kind: 'throttled'; retryAfterMs?: number; error: string }
  | { kind: 'retry'; error: string }
  | { kind: 'needs-install'; error: string }
  | { kind: 'failed'; error: string };

/** Sends one activity into a conversation. The Teams implementation lives at the edge (src/bot). */
export interface Transport {
  send(reference: ConversationReferenceData, activity: OutgoingActivity): Promise<SendOutcome>;
}
