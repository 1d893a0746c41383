/**
 * The Teams app package: fills the manifest template from the settings, checks it against the
 * official manifest schema (shipped in `@microsoft/app-manifest`, read from disk: never fetched),
 * and zips it with the icons. Takes and returns plain data; `scripts/package.ts` does the I/O.
 *
 * Placeholders in `manifest/manifest.json` (`${{NAME}}`, filled in every string value):
 * - `${{MicrosoftAppId}}`: the app id (required; also the bot id and the RSC app id)
 * - `${{PUBLIC_BASE_URL}}`: the bot's public https address, without a trailing slash; unset, a
 *   placeholder domain (`PLACEHOLDER_BASE_URL`) so the developer links still validate
 * - `${{PUBLIC_HOST}}`: its host, for `validDomains` (an empty entry is dropped)
 * - `${{APP_VERSION}}`: the package version (package.json's `version`)
 */
import { createRequire } from 'node:module';
import { crc32, deflateRawSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { z } from 'zod/v4';

export const PLACEHOLDER_BASE_URL = 'https://partnership-board.example.org';
export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;
export type IconName = keyof typeof ICON_SIZES;
export type Manifest = Record<string, unknown> & { manifestVersion: string };

const require = createRequire(import.meta.url);
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const PackageSettingsSchema = z.object({
  MicrosoftAppId: z
    .string({
      error: "set to the bot's Microsoft app id (a GUID): the package cannot be built without it",
    })
    .trim()
    .regex(GUID, 'a GUID such as 00000000-0000-0000-0000-000000000000'),
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v.replace(/\/+$/, '')))
    .pipe(
      z.url({ protocol: /^https$/, error: 'an https URL (Teams needs https links)' }).optional(),
    )
    .optional(),
});
export type PackageSettings = z.infer<typeof PackageSettingsSchema>;

/** Raised with every problem found, one per line, so a broken package says all it needs at once. */
export class AppPackageError extends Error {
  override name = 'AppPackageError';
  constructor(readonly problems: string[]) {
    super(`The app package is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

/** Reads the packaging settings from the environment (only the ones packaging needs). */
export function packageSettings(env: NodeJS.ProcessEnv): PackageSettings {
  const result = PackageSettingsSchema.safeParse(env);
  if (result.success) return result.data;
  throw new AppPackageError(
    result.error.issues.map((issue) => {
      const setting = String(issue.path[0]);
      const got = setting in env && env[setting] !== undefined ? ` (got "${env[setting]}")` : '';
      return `${setting} must be ${issue.message}${got}`;
    }),
  );
}

/** Fills the template's placeholders; an unknown placeholder is an error, never left in. */
export function fillManifest(
  template: unknown,
  settings: PackageSettings,
  version: string,
): Manifest {
  const base = settings.PUBLIC_BASE_URL ?? PLACEHOLDER_BASE_URL;
  const values: Record<string, string> = {
    MicrosoftAppId: settings.MicrosoftAppId.toLowerCase(),
    PUBLIC_BASE_URL: base,
    PUBLIC_HOST: settings.PUBLIC_BASE_URL ? new URL(base).host : '',
    APP_VERSION: version,
  };
  const unknown = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string')
      return node.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
        if (name in values) return values[name] as string;
        unknown.add(whole);
        return whole;
      });
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  const filled = fill(template) as Manifest;
  if (unknown.size)
    throw new AppPackageError(
      [...unknown].map((p) => `manifest.json uses ${p}, which packaging does not fill`),
    );
  if (Array.isArray(filled.validDomains))
    filled.validDomains = filled.validDomains.filter((d) => d !== '');
  return filled;
}

/** The official schema for a manifest version, as shipped in `@microsoft/app-manifest`. */
export function manifestSchema(manifestVersion: string): object {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  try {
    return require(
      `@microsoft/app-manifest/build/json-schemas/teams/${folder}/MicrosoftTeams.schema.json`,
    ) as object;
  } catch {
    throw new AppPackageError([
      `manifestVersion "${manifestVersion}" has no schema in @microsoft/app-manifest`,
    ]);
  }
}

/** Schema errors plus the rules Teams applies that the schema cannot say; [] when valid. */
export async function validateManifest(manifest: Manifest, appId: string): Promise<string[]> {
  const schema = manifestSchema(manifest.manifestVersion);
  const failures = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  const problems = failures.map(readable);
  const bots = (manifest.bots ?? []) as {
    botId?: string;
    scopes?: string[];
    commandLists?: { scopes: string[] }[];
  }[];
  for (const [i, bot] of bots.entries()) {
    if (bot.botId?.toLowerCase() !== appId.toLowerCase())
      problems.push(`/bots/${i}/botId must be the app id ${appId}`);
    const listed = new Set((bot.commandLists ?? []).flatMap((l) => l.scopes));
    for (const scope of bot.scopes ?? [])
      if (!listed.has(scope))
        problems.push(`/bots/${i} has no command list for the ${scope} scope`);
  }
  return problems;
}

/** `/name/short must NOT have more than 30 characters` rather than ajv's raw parameters. */
function readable(failure: string): string {
  const [message = failure, details] = failure.split('. Details: ');
  const path = message.startsWith(' ') ? `(manifest)${message}` : message;
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(details ?? '{}') as Record<string, unknown>;
  } catch {
    return failure;
  }
  const extra = params.additionalProperty ?? params.allowedValues ?? params.missingProperty;
  return extra === undefined || path.includes(String(extra))
    ? path
    : `${path}: ${JSON.stringify(extra)}`;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  const b = Buffer.from(png);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR')
    return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export interface AppPackageInput {
  template: unknown;
  settings: PackageSettings;
  version: string;
  icons: Record<IconName, Uint8Array>;
}

/** The filled, validated manifest and the zip Teams uploads (manifest.json and icons at the root). */
export async function buildAppPackage(
  input: AppPackageInput,
): Promise<{ manifest: Manifest; zip: Buffer }> {
  const manifest = fillManifest(input.template, input.settings, input.version);
  const problems = await validateManifest(manifest, input.settings.MicrosoftAppId);
  for (const [name, size] of Object.entries(ICON_SIZES) as [IconName, number][]) {
    const got = pngSize(input.icons[name]);
    if (!got) problems.push(`${name} is not a PNG`);
    else if (got.width !== size || got.height !== size)
      problems.push(`${name} must be ${size}×${size} pixels (got ${got.width}×${got.height})`);
  }
  if (problems.length) throw new AppPackageError(problems);
  const zip = zipFiles([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...Object.keys(ICON_SIZES).map((name) => ({
      name,
      data: Buffer.from(input.icons[name as IconName]),
    })),
  ]);
  return { manifest, zip };
}

/** A minimal zip (deflate, no extras, fixed 1980-01-01 timestamps so builds are reproducible). */
export function zipFiles(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      h.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      h.writeUInt16LE(8, at + 4); // deflate
      h.writeUInt32LE(0x00210000, at + 6); // DOS time 00:00, date 1980-01-01
      h.writeUInt32LE(crc32(data), at + 10);
      h.writeUInt32LE(packed.length, at + 14);
      h.writeUInt32LE(data.length, at + 18);
      h.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
