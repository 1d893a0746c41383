import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.ts';

/**
 * The Bot Framework adapter (CloudAdapter underneath). With no app id it runs in local mode:
 * requests are not authenticated and replies carry no token.
 */
export function createAdapter(config: Config): TeamsAdapter {
  return new TeamsAdapter({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
}
