import { randomUUID } from 'node:crypto';

export const TENANT_ID = '00000000-0000-4000-8000-00000000b401';
export const BOT_ID = '28:partnership-board-bot';

/** A Teams user as an activity names them. */
export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface ActivityOptions {
  serviceUrl: string;
  from: TeamsUser;
  conversation?: { id: string; conversationType: 'personal' | 'channel' | 'groupChat' };
  tenantId?: string;
  channelId?: string;
}

function base(type: string, o: ActivityOptions): Record<string, any> {
  const tenantId = o.tenantId ?? TENANT_ID;
  const conversation = o.conversation ?? { id: `a:personal-${o.from.aadObjectId}`, conversationType: 'personal' };
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: o.channelId ?? 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: o.from.id, name: o.from.name, aadObjectId: o.from.aadObjectId },
    recipient: { id: BOT_ID, name: 'Partnership Board' },
    conversation: { ...conversation, tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
  };
}

/** A Teams message as the connector posts it to the bot. */
export function messageActivity(text: string, o: ActivityOptions): Record<string, any> {
  return { ...base('message', o), text, textFormat: 'plain' };
}

/** An Adaptive Card Universal Action (Action.Execute) invoke. */
export function cardActionActivity(verb: string, data: unknown, o: ActivityOptions & { replyToId?: string }): Record<string, any> {
  return {
    ...base('invoke', o),
    name: 'adaptiveCard/action',
    replyToId: o.replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot being installed in a personal chat. */
export function installActivity(o: ActivityOptions): Record<string, any> {
  return { ...base('installationUpdate', o), action: 'add' };
}

/** The bot's @mention as Teams puts it in a channel message. */
export function botMention(): Record<string, any> {
  return { type: 'mention', mentioned: { id: BOT_ID, name: 'Partnership Board' }, text: '<at>Partnership Board</at>' };
}

/** A message in a team channel that @mentions the bot, as the connector posts it. */
export function channelMessageActivity(text: string, o: ActivityOptions & { teamId?: string; channelId?: string }): Record<string, any> {
  const channel = o.channelId ?? '19:channel@thread.tacv2';
  const teamId = o.teamId ?? '19:team';
  const tenantId = o.tenantId ?? TENANT_ID;
  const a = base('message', { ...o, conversation: { id: channel, conversationType: 'channel' } });
  return {
    ...a,
    conversation: { ...a.conversation, isGroup: true },
    channelData: { team: { id: teamId }, channel: { id: channel }, tenant: { id: tenantId } },
    entities: [botMention()],
    text: `<at>Partnership Board</at> ${text}`,
    textFormat: 'plain',
  };
}

/** The bot (or others) added to a team's channel: a conversationUpdate with membersAdded. */
export function conversationUpdateActivity(o: ActivityOptions & { membersAdded: Array<{ id: string }>; teamId?: string; channelId?: string }): Record<string, any> {
  const channel = o.channelId ?? '19:team';
  const teamId = o.teamId ?? '19:team';
  const tenantId = o.tenantId ?? TENANT_ID;
  const a = base('conversationUpdate', { ...o, conversation: { id: channel, conversationType: 'channel' } });
  return {
    ...a,
    conversation: { ...a.conversation, isGroup: true },
    membersAdded: o.membersAdded,
    channelData: { team: { id: teamId }, channel: { id: channel }, tenant: { id: tenantId }, eventType: 'teamMemberAdded' },
  };
}
