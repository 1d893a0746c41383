import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export const SEED_FILE = '/work/shared/seeds/001_429c88fe3254fceb.txt';

/**
 * The rows of the seeds' Appendix A (Matters Arising for 27 October 2022), as printed: the
 * tab-separated lines after the "Minute Number/Title" heading, up to the blank line.
 */
export function appendixARows(): string[][] {
  const lines = readFileSync(SEED_FILE, 'utf8').split('\n');
  const head = lines.findIndex((l) => l.includes('<u>Minute Number/Title</u>'));
  const rows: string[][] = [];
  for (const line of lines.slice(head + 1)) {
    if (!line.trim()) break;
    rows.push(line.split('\t').map((c) => c.trim()));
  }
  return rows;
}

/** The header row, without the underline markup. */
export function appendixAHeader(): string[] {
  const lines = readFileSync(SEED_FILE, 'utf8').split('\n');
  return lines.find((l) => l.includes('<u>Minute Number/Title</u>'))!.split('\t').map((c) => c.replace(/<\/?u>/g, '').trim());
}

/** Reads one file out of a .docx (a zip): enough of the format for word/document.xml. */
export function unzipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra;
  }
  throw new Error(`${name} is not in the zip`);
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The text of each table row's cells in word/document.xml. Paragraphs within a cell are joined
 * by a space, and a raised (superscript) run is set off by a space, as the seeds' text shows it.
 */
export function docxTableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((p) =>
          [...p[0].matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
            .map((r) => {
              const text = [...r[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('');
              return /<w:vertAlign w:val="superscript"\/>/.test(r[1]!) ? ` ${text}` : text;
            })
            .join(''),
        )
        .join(' ')
        .trim(),
    ),
  );
}
