import WebSocket from 'ws';

/** A message as the Playground pushes it over its WebSocket (createMessage / updateMessage). */
export interface Push {
  action: 'createMessage' | 'updateMessage' | string;
  actionConversationId: string;
  message: {
    messageId: string;
    from?: { id: string };
    text?: string;
    attachments?: Array<{ contentType: string; content: Record<string, any> }>;
  };
}

export interface PlaygroundIds {
  botId: string;
  botName: string;
  me: string;
  /** Teams user id by display name (the current user included). */
  users: Record<string, string>;
  aadObjectIds: Record<string, string>;
  personalChat: string;
  groupChat: string;
  team: string;
  channels: Record<string, string>;
}

/**
 * Drives Microsoft 365 Agents Playground through the REST + WebSocket API its own web UI uses
 * (internal to @microsoft/m365agentsplayground 0.2.28, which is pinned for that reason). Every
 * wait is on a push from the Playground, never a fixed sleep.
 */
export class PlaygroundClient {
  readonly pushes: Push[] = [];
  private socket?: WebSocket;
  private waiters = new Set<() => void>();
  ids!: PlaygroundIds;

  constructor(readonly url: string) {}

  async connect(): Promise<this> {
    const cfg = (await this.json('GET', '/_internal/v1/config')).config;
    this.ids = {
      botId: cfg.bot.id,
      botName: cfg.bot.name,
      me: cfg.currentUser.id,
      users: Object.fromEntries([cfg.currentUser, ...cfg.users].map((u: { id: string; name: string }) => [u.name, u.id])),
      aadObjectIds: Object.fromEntries([cfg.currentUser, ...cfg.users].map((u: { id: string; aadObjectId: string }) => [u.id, u.aadObjectId])),
      personalChat: cfg.personalChat.id,
      groupChat: cfg.groupChats[0].id,
      team: cfg.teams[0].id,
      channels: Object.fromEntries(cfg.teams[0].channels.map((c: { id: string; name: string }) => [c.name, c.id])),
    };
    const socket = new WebSocket(`${this.url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    await new Promise<void>((done, fail) => {
      socket.once('open', () => done());
      socket.once('error', fail);
    });
    socket.on('message', (data) => {
      this.pushes.push(JSON.parse(data.toString()) as Push);
      for (const wake of [...this.waiters]) wake();
    });
    this.socket = socket;
    return this;
  }

  close(): void {
    this.socket?.close();
  }

  /** Opens a chat as the UI does: the bot gets installationUpdate and conversationUpdate. */
  async install(conversationId: string): Promise<void> {
    await this.json('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /**
   * Sends a message as the current user (the Playground's message API ignores `from`). In group
   * chats and channels `mention` @mentions the bot, as Teams requires.
   */
  async say(conversationId: string, text: string, options: { mention?: boolean } = {}): Promise<string> {
    const at = `<at>${this.ids.botName}</at>`;
    const body = {
      type: 'text',
      textFormat: 'plain',
      text: options.mention ? `${at} ${text}` : text,
      from: { id: this.ids.me },
      ...(options.mention ? { mentions: [{ mentioned: { id: this.ids.botId }, text: at }] } : {}),
    };
    return (await this.json('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body)).messageId;
  }

  /**
   * Sends a message from another user, @mentioning the bot, through "Mock an Activity" (the
   * Playground's custom activity API), as the UI's own tool does. The bot's answer shows in the chat.
   */
  async sayAs(userId: string, conversationId: string, text: string): Promise<void> {
    const template = await this.json('GET', `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`);
    const at = `<at>${this.ids.botName}</at>`;
    await this.json('POST', '/_internal/v1/customActivities', {
      ...template,
      type: 'message',
      text: `${at} ${text}`,
      textFormat: 'plain',
      from: { id: userId, aadObjectId: this.ids.aadObjectIds[userId] },
      entities: [{ type: 'mention', mentioned: { id: this.ids.botId, name: this.ids.botName }, text: at }],
      channelData: {
        tenant: { id: template.conversation.tenantId },
        // A channel post carries its team and channel, as Teams sends them (the template does not).
        ...(Object.values(this.ids.channels).includes(conversationId) ? { team: { id: this.ids.team }, channel: { id: conversationId } } : {}),
      },
    });
  }

  /** Presses an Action.Submit on a card. */
  async submit(conversationId: string, replyToId: string, value: unknown, from = this.ids.me): Promise<void> {
    await this.json('POST', '/_conversation/v1/submit', { conversation: { id: conversationId }, replyToId, value, from: { id: from } });
  }

  /** Presses an Action.Execute on a card; returns the bot's invoke response. */
  async execute(conversationId: string, replyToId: string, verb: string, data: unknown, from = this.ids.me): Promise<any> {
    return this.json('POST', '/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      from: { id: from },
      conversation: { id: conversationId },
      replyToId,
    });
  }

  /** Where the next step's pushes begin: look only at what arrives after it. */
  mark(): number {
    return this.pushes.length;
  }

  /** Waits for the first push after `since` that matches. */
  async waitFor(since: number, match: (p: Push) => boolean, what: string, timeoutMs = 15_000): Promise<Push> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.pushes.slice(since).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}; pushes since: ${JSON.stringify(this.pushes.slice(since).map(summary))}`);
      await new Promise<void>((wake) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          wake();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** The next card the bot posts into a conversation after `since`. */
  async botCard(since: number, conversationId: string, what: string): Promise<{ push: Push; card: Record<string, any> }> {
    const push = await this.waitFor(since, (p) => p.action === 'createMessage' && p.actionConversationId === conversationId && p.message.from?.id === this.ids.botId && (p.message.attachments?.length ?? 0) > 0, what);
    return { push, card: push.message.attachments![0]!.content };
  }

  /** The next message of any kind (text or card) the bot posts into a conversation after `since`. */
  async botReply(since: number, conversationId: string, what: string): Promise<Push> {
    return this.waitFor(since, (p) => p.action === 'createMessage' && p.actionConversationId === conversationId && p.message.from?.id === this.ids.botId, what);
  }

  /** The next text message the bot posts into a conversation after `since`. */
  async botText(since: number, conversationId: string, what: string): Promise<string> {
    const push = await this.waitFor(since, (p) => p.action === 'createMessage' && p.actionConversationId === conversationId && p.message.from?.id === this.ids.botId && !!p.message.text, what);
    return push.message.text!;
  }

  private async json(method: string, path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }
}

function summary(p: Push): string {
  return `${p.action} ${p.actionConversationId} ${p.message.from?.id ?? '?'} ${(p.message.text ?? '').slice(0, 60)}${p.message.attachments?.length ? ' [card]' : ''}`;
}
