/**
 * `npm run package [-- --out FILE]`: builds the Teams app package (default build/appPackage.zip)
 * from manifest/manifest.json and the icons, ids from the environment (see app-package.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AppPackageError,
  buildAppPackage,
  packageSettings,
  PLACEHOLDER_BASE_URL,
} from '../src/app-package/app-package.ts';

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(resolve(ROOT, path));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'build/appPackage.zip' } },
  });
  const out = resolve(values.out);
  const settings = packageSettings(process.env);
  const { version } = JSON.parse(read('package.json').toString('utf8')) as { version: string };
  const { manifest, zip } = await buildAppPackage({
    template: JSON.parse(read('manifest/manifest.json').toString('utf8')),
    settings,
    version,
    icons: { 'color.png': read('manifest/color.png'), 'outline.png': read('manifest/outline.png') },
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  if (!settings.PUBLIC_BASE_URL)
    console.warn(
      `PUBLIC_BASE_URL is not set: the developer links use ${PLACEHOLDER_BASE_URL} and validDomains is empty`,
    );
  console.log(
    `wrote ${relative(process.cwd(), out) || out} (${zip.length} bytes): "${(manifest.name as { short: string }).short}" ` +
      `${version}, app id ${settings.MicrosoftAppId}, manifest ${manifest.manifestVersion} valid against the official schema`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof AppPackageError ? error.message : error);
  process.exitCode = 1;
});
