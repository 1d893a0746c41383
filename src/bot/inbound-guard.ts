import type { Middleware, TurnContext } from 'botbuilder';
import { hostAllowed, type Config } from '../config.ts';
import type { Logger } from '../logging/logger.ts';

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether an activity may be routed: Teams only (outside local mode), from an allowed
 * tenant whose two tenant fields agree, with a service URL the bot may send tokens to.
 */
export function checkInbound(activity: TurnContext['activity'], config: Config): GuardVerdict {
  if (!config.localMode && activity.channelId !== 'msteams') return { ok: false, reason: 'channel' };
  const conversationTenant = activity.conversation?.tenantId;
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  if (conversationTenant && channelTenant && conversationTenant !== channelTenant)
    return { ok: false, reason: 'tenant_mismatch' };
  const tenant = channelTenant ?? conversationTenant;
  if (config.ALLOWED_TENANT_IDS.length > 0 && (!tenant || !config.ALLOWED_TENANT_IDS.includes(tenant)))
    return { ok: false, reason: 'tenant_not_allowed' };
  let host: string;
  try {
    host = new URL(activity.serviceUrl).hostname;
  } catch {
    return { ok: false, reason: 'service_url' };
  }
  if (!hostAllowed(host, config.serviceUrlHosts)) return { ok: false, reason: 'service_url_host' };
  return { ok: true };
}

/** Drops what checkInbound refuses before any handler runs; logs ids only. */
export function inboundGuard(config: Config, log: Logger): Middleware {
  return {
    onTurn: async (context, next) => {
      const verdict = checkInbound(context.activity, config);
      if (!verdict.ok) {
        log.warn(
          { event: 'inbound.dropped', reason: verdict.reason, activityId: context.activity.id, channelId: context.activity.channelId },
          'activity dropped',
        );
        return;
      }
      await next();
    },
  };
}
