import { TeamsAdapter } from '@microsoft/teams-ai';
import { StatusCodes } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../config.ts';

/**
 * The Bot Framework adapter (CloudAdapter underneath). With no app id it runs in local mode:
 * requests are not authenticated and replies carry no token. With one, every request's token is
 * validated (issuer, audience, signature, expiry, service URL claim) before any handler runs.
 * `credentials` replaces how outbound tokens are obtained (tests; managed identities).
 */
export function createAdapter(config: Config, credentials?: ServiceClientCredentialsFactory): TeamsAdapter {
  const adapter = new TeamsAdapter(
    {
      MicrosoftAppId: config.MicrosoftAppId ?? '',
      MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      ...(config.ToBotFromChannelOpenIdMetadataUrl ? publicCloud(config.ToBotFromChannelOpenIdMetadataUrl) : {}),
    },
    credentials,
  );
  refuseBadSignaturesWith401(adapter);
  return adapter;
}

/**
 * botbuilder rethrows the token library's own errors (a bad signature under a known key id), which
 * CloudAdapter answers with 500. They are authentication failures: answer 401, as for the rest.
 */
function refuseBadSignaturesWith401(adapter: TeamsAdapter): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && /^(JsonWebTokenError|NotBeforeError|TokenExpiredError)$/.test(error.name))
        throw new AuthenticationError(`Unauthorized: ${error.message}`, StatusCodes.UNAUTHORIZED);
      throw error;
    }
  };
}

/**
 * Naming any one endpoint makes botbuilder build its authentication from parameters alone, so the
 * public Azure cloud's other values (AuthenticationConstants) must be given with it.
 */
function publicCloud(openIdMetadataUrl: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  };
}
