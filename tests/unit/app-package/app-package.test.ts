import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AppPackageError,
  buildAppPackage,
  fillManifest,
  manifestSchema,
  packageSettings,
  validateManifest,
  type Manifest,
} from '../../../src/app-package/app-package.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const APP_ID = '1c8a2b0e-52f6-4c3e-9a1d-3f0b7e2d9c41';
const BASE = 'https://board.example.org';
const template = () =>
  JSON.parse(readFileSync(join(ROOT, 'manifest/manifest.json'), 'utf8')) as unknown;
const icon = (name: string) => readFileSync(join(ROOT, 'manifest', name));
const icons = () => ({ 'color.png': icon('color.png'), 'outline.png': icon('outline.png') });
const settings = packageSettings({ MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: `${BASE}/` });
const filled = () => fillManifest(template(), settings, '1.2.3');
const bot = (m: Manifest) => (m.bots as Record<string, unknown>[])[0]!;

/** Decodes an 8-bit RGB/RGBA PNG (any filter) into its pixels. */
function decodePng(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let width = 0,
    height = 0,
    colourType = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height, colourType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]!];
      expect(data[8]).toBe(8);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const bpp = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? px[y * stride + i - bpp]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? px[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      px[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  const pixel = (x: number, y: number) => [
    ...px.subarray(y * stride + x * bpp, y * stride + x * bpp + bpp),
  ];
  return { width, height, colourType, pixel };
}

/** The entries of a zip, read from its central directory, with their inflated contents. */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const entries = new Map<string, Buffer>();
  for (let at = zip.readUInt32LE(end + 16), n = 0; n < zip.readUInt16LE(end + 10); n++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [size, nameLength, local] = [
      zip.readUInt32LE(at + 20),
      zip.readUInt16LE(at + 28),
      zip.readUInt32LE(at + 42),
    ];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.set(name, inflateRawSync(zip.subarray(dataAt, dataAt + size)));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const scratch = mkdtempSync(join(tmpdir(), 'app-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runPackageScript(env: Record<string, string>) {
  const out = join(mkdtempSync(join(scratch, 'run-')), 'appPackage.zip');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--out', out], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { ...run, out };
}

describe('the Teams manifest', () => {
  it('validates against the official schema shipped in @microsoft/app-manifest (read from disk)', async () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifestSchema(manifest.manifestVersion)).toMatchObject({
      properties: { manifestVersion: { const: '1.24' } },
    });
    expect(await validateManifest(manifest, APP_ID)).toEqual([]);
  });

  it('takes the ids, host and version from the settings and leaves no placeholder', () => {
    const manifest = filled();
    expect(manifest.id).toBe(APP_ID);
    expect(bot(manifest).botId).toBe(APP_ID);
    expect(manifest.webApplicationInfo).toMatchObject({ id: APP_ID });
    expect(manifest.validDomains).toEqual(['board.example.org']);
    expect(manifest.developer).toMatchObject({
      websiteUrl: BASE,
      privacyUrl: `${BASE}/privacy`,
      termsOfUseUrl: `${BASE}/terms`,
    });
    expect(manifest.version).toBe('1.2.3');
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('has command lists with examples for personal, team and group chat', () => {
    const b = bot(filled()) as {
      scopes: string[];
      commandLists: { scopes: string[]; commands: { title: string }[] }[];
    };
    expect(b.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(b.commandLists.flatMap((l) => l.scopes).sort()).toEqual([
      'groupChat',
      'personal',
      'team',
    ]);
    for (const list of b.commandLists)
      expect(list.commands.map((c) => c.title)).toEqual(
        expect.arrayContaining(['help', 'rag', 'outstanding actions']),
      );
    const team = b.commandLists.find((l) => l.scopes.includes('team'))!;
    expect(team.commands.map((c) => c.title)).toContain('post digests here');
  });

  it('accepts files in chat and asks for the consent to hear meeting start and end', () => {
    const manifest = filled();
    expect(bot(manifest)).toMatchObject({ supportsFiles: true, supportsCalling: false });
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.authorization).toEqual({
      permissions: {
        resourceSpecific: [
          { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
          { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
        ],
      },
    });
  });

  it('rejects a broken manifest with messages that name the field', async () => {
    const manifest = filled() as Manifest & { name: { short: string } };
    manifest.name.short = 'The Safer Bromley Partnership Board';
    delete bot(manifest).botId;
    const problems = await validateManifest(manifest, APP_ID);
    expect(problems).toContain('/name/short must NOT have more than 30 characters');
    expect(problems).toContain("/bots/0 must have required property 'botId'");
    const broken = template() as { description: { short: string } };
    broken.description.short = 'x'.repeat(81);
    await expect(
      buildAppPackage({ template: broken, settings, version: '1.0.0', icons: icons() }),
    ).rejects.toThrow(
      /The app package is not valid:\n- \/description\/short must NOT have more than 80 characters/,
    );
  });

  it('refuses a placeholder it does not know and settings it cannot use', () => {
    expect(() => fillManifest({ id: '${{TEAMS_APP_ID}}' }, settings, '1.0.0')).toThrow(
      /uses \$\{\{TEAMS_APP_ID\}\}, which packaging does not fill/,
    );
    expect(() => packageSettings({})).toThrow(
      /MicrosoftAppId must be set to the bot's Microsoft app id/,
    );
    expect(() => packageSettings({ MicrosoftAppId: 'bot' })).toThrow(
      /MicrosoftAppId must be a GUID .*\(got "bot"\)/,
    );
    expect(() =>
      packageSettings({ MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'http://localhost:3978' }),
    ).toThrow(AppPackageError);
    expect(
      fillManifest(template(), packageSettings({ MicrosoftAppId: APP_ID }), '1.0.0').validDomains,
    ).toEqual([]);
  });
});

describe('the icons', () => {
  it('colour icon is a full-colour, opaque 192×192', () => {
    const png = decodePng(icon('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(png.colourType).toBe(2);
    expect(png.pixel(0, 0)).toEqual([0x1d, 0x4f, 0x91]); // the manifest's accentColor
    expect(filled().accentColor).toBe('#1D4F91');
  });

  it('outline icon is 32×32, white only, on a transparent background', () => {
    const png = decodePng(icon('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.colourType).toBe(6);
    let opaque = 0;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = png.pixel(x, y);
        if (a! > 0) expect([r, g, b]).toEqual([255, 255, 255]);
        if (a === 255) opaque++;
      }
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
      [16, 8],
    ])
      expect(png.pixel(x!, y!)[3]).toBe(0);
    expect(opaque).toBeGreaterThan(100);
  });
});

describe('npm run package', () => {
  it('writes a zip holding exactly manifest.json and the two icons, ids from the environment', () => {
    const run = runPackageScript({ MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: BASE });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('valid against the official schema');
    const entries = zipEntries(readFileSync(run.out));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    expect([manifest.id, bot(manifest).botId]).toEqual([APP_ID, APP_ID]);
    expect(entries.get('color.png')!.equals(icon('color.png'))).toBe(true);
    const unzip = spawnSync('unzip', ['-t', run.out], { encoding: 'utf8' });
    if (unzip.error) return; // no unzip on this machine: the central directory check above stands
    expect(unzip.status).toBe(0);
    expect(unzip.stdout).toContain('No errors detected');
  });

  it('stops with a clear message and writes nothing when MicrosoftAppId is missing', () => {
    const run = runPackageScript({ PUBLIC_BASE_URL: BASE });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /MicrosoftAppId must be set to the bot's Microsoft app id \(a GUID\)/,
    );
    expect(existsSync(run.out)).toBe(false);
  });
});
