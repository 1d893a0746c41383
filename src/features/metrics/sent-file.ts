import { z } from 'zod/v4';
import { DomainError } from '../../domain-error.ts';
import { MAX_FILE_BYTES } from './metrics-file.parser.ts';

/** How Teams hands a bot a file sent in personal chat: a short-lived, pre-authorised download link. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const DOWNLOAD_TIMEOUT_MS = 30_000;

const SentFileSchema = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().trim().min(1).max(255),
  content: z.object({
    downloadUrl: z.string().max(4_000),
    fileType: z.string().max(20).optional(),
  }),
});

export interface SentFile {
  name: string;
  downloadUrl: string;
}

/** Whether a message carries a file (of any shape): the metrics feature answers for all of them. */
export function carriesFile(attachments: readonly { contentType?: string }[] | undefined): boolean {
  return (attachments ?? []).some((a) => a.contentType === FILE_DOWNLOAD_INFO);
}

/** The files of a message; a malformed one is refused as a whole, with nothing fetched. */
export function sentFiles(attachments: readonly unknown[] | undefined): SentFile[] {
  return (attachments ?? [])
    .filter((a) => (a as { contentType?: unknown } | null)?.contentType === FILE_DOWNLOAD_INFO)
    .map((a) => {
      const parsed = SentFileSchema.safeParse(a);
      if (!parsed.success)
        throw new DomainError('metrics.bad_attachment', 'Teams sent that file in a form I cannot read, so nothing was imported.');
      return { name: parsed.data.name, downloadUrl: parsed.data.content.downloadUrl };
    });
}

/**
 * Fetches a sent file's bytes: only over https (plain http only to loopback, for local runs), only
 * from an allowed host, never following a redirect elsewhere, within 30 s and MAX_FILE_BYTES. A
 * refusal says why and nothing is imported.
 */
export async function downloadSentFile(
  file: SentFile,
  hostAllowed: (host: string) => boolean,
  loopback: readonly string[],
): Promise<Uint8Array> {
  let url: URL;
  try {
    url = new URL(file.downloadUrl);
  } catch {
    throw refused(file, 'its download link is not a web address');
  }
  const host = url.hostname.toLowerCase();
  const local = loopback.includes(host) || loopback.includes(`[${host}]`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw refused(file, 'its download link is not https');
  if (!hostAllowed(host)) throw refused(file, `it is stored at ${host}, which is not a file host this bot may fetch from`);
  const response = await fetch(url, {
    redirect: 'error',
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  }).catch(() => {
    throw refused(file, 'Teams did not let me download it (the link may have expired): send it again');
  });
  if (!response.ok) throw refused(file, `Teams answered ${response.status} when I downloaded it: send it again`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > MAX_FILE_BYTES) throw tooLarge(file, declared, response);
  return readAtMost(file, response);
}

async function readAtMost(file: SentFile, response: Response): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > MAX_FILE_BYTES) throw tooLarge(file, total, response);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(file: SentFile, bytes: number, response: Response): DomainError {
  void response.body?.cancel().catch(() => undefined);
  return refused(file, `it is over ${MAX_FILE_BYTES / 1024 / 1024} MB (${(bytes / 1024 / 1024).toFixed(1)} MB so far)`);
}

function refused(file: SentFile, why: string): DomainError {
  return new DomainError('metrics.download_refused', `I did not import ${file.name.slice(0, 100)}: ${why}. Nothing was changed.`);
}
