import { resolve } from 'node:path';
import { z } from 'zod/v4';

/** Hosts the Bot Framework and Teams connectors live on; tokens go nowhere else by default. */
export const DEFAULT_SERVICE_URL_HOSTS = [
  'smba.trafficmanager.net',
  '*.smba.trafficmanager.net',
  'api.botframework.com',
  '*.botframework.com',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];
/** Where Teams keeps files people send a bot in personal chat (OneDrive for Business / SharePoint). */
export const DEFAULT_FILE_DOWNLOAD_HOSTS = ['*.sharepoint.com', '*.sharepoint.us', '*.sharepoint-mil.us'];

/** Whether a host matches an allow-list entry ("*.botframework.com" matches subdomains). */
export function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    return e.startsWith('*.') ? h.endsWith(e.slice(1)) : h === e;
  });
}

const PROJECT_DATA_DIR = resolve(import.meta.dirname, '..', 'data');

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Every setting of the bot, as the README's settings table lists them. */
export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce
      .number({ error: 'an integer port between 0 and 65535' })
      .int('an integer port between 0 and 65535')
      .min(0, 'an integer port between 0 and 65535 (0: any free port)')
      .max(65535, 'an integer port between 0 and 65535')
      .default(3978),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection URL')
        .optional(),
    ),
    DATA_DIR: z
      .string()
      .trim()
      .min(1, 'a folder path')
      .default('./.data')
      .refine((dir) => resolve(dir) !== PROJECT_DATA_DIR, {
        error: 'a folder other than data/ (which holds the committed example files), e.g. ./.data',
      }),
    SEED: z.enum(['example', 'none'], { error: '"example" or "none"' }).default('example'),
    AS_OF: optionalText.pipe(
      z.iso
        .datetime({ offset: true, local: true, error: 'an ISO date-time, e.g. 2022-10-20T09:00:00Z' })
        .optional(),
    ),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        error: 'MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    /** Where channel tokens' signing keys are published; Bot Framework's own by default. */
    ToBotFromChannelOpenIdMetadataUrl: optionalText.pipe(z.url({ error: 'an http(s) URL' }).optional()),
    ALLOWED_TENANT_IDS: csv,
    ALLOWED_SERVICE_URL_HOSTS: csv,
    FILE_DOWNLOAD_HOSTS: csv,
    PUBLIC_BASE_URL: optionalText.pipe(z.url({ error: 'an http(s) URL' }).optional()),
    LINK_SIGNING_SECRET: optionalText.pipe(
      z.string().min(32, 'at least 32 characters of secret').optional(),
    ),
    TEAMS_RATE_PER_CONVERSATION: z.coerce
      .number({ error: 'a number of messages per second, e.g. 7' })
      .positive('a number of messages per second above 0, e.g. 7')
      .default(7),
    TEAMS_RATE_PER_TENANT: z.coerce
      .number({ error: 'a number of requests per second, e.g. 50' })
      .positive('a number of requests per second above 0, e.g. 50')
      .default(50),
    REMINDER_TIME: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day in Europe/London as HH:MM, e.g. 09:00')
      .default('09:00'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .superRefine((c, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!c.MicrosoftAppId) {
      if (c.NODE_ENV === 'production')
        need('MicrosoftAppId', 'an app id: production refuses to run in local mode without one');
      return;
    }
    if (c.ALLOWED_TENANT_IDS.length === 0)
      need('ALLOWED_TENANT_IDS', 'the Entra tenant ids to serve, required when an app id is set');
    if (c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword)
      need('MicrosoftAppPassword', `the app's client secret, required for ${c.MicrosoftAppType}`);
    if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppTenantId)
      need('MicrosoftAppTenantId', `the app's tenant id, required for ${c.MicrosoftAppType}`);
  });

type ParsedConfig = z.infer<typeof ConfigSchema>;
export type Config = ParsedConfig & {
  /** No app id: unauthenticated traffic accepted, loopback only. */
  localMode: boolean;
  backend: 'postgres' | 'pglite';
  serviceUrlHosts: string[];
  /** Hosts a file sent in chat may be fetched from; nothing else is ever requested. */
  fileDownloadHosts: string[];
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value throws one message naming each setting at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const setting = String(issue.path[0] ?? 'settings');
      const got = env[setting];
      const shown = setting.match(/PASSWORD|SECRET|DATABASE_URL/i) || got === undefined ? '' : ` (got "${got}")`;
      return `${setting} must be ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid settings: ${lines.join('; ')}`);
  }
  const c = result.data;
  const localMode = !c.MicrosoftAppId;
  const hosts = c.ALLOWED_SERVICE_URL_HOSTS.length ? c.ALLOWED_SERVICE_URL_HOSTS : DEFAULT_SERVICE_URL_HOSTS;
  return {
    ...c,
    localMode,
    backend: c.DATABASE_URL ? 'postgres' : 'pglite',
    serviceUrlHosts: localMode ? [...hosts, ...LOOPBACK_HOSTS] : hosts,
    fileDownloadHosts: [
      ...(c.FILE_DOWNLOAD_HOSTS.length ? c.FILE_DOWNLOAD_HOSTS : DEFAULT_FILE_DOWNLOAD_HOSTS),
      ...(localMode ? LOOPBACK_HOSTS : []),
    ],
  };
}
