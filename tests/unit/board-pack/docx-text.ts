import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A part of a .docx (word/document.xml by default), read with `unzip -p`: no LibreOffice needed, so CI stays fast. */
export function documentXml(docx: Buffer, part = 'word/document.xml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'docx-'));
  try {
    const file = join(dir, 'pack.docx');
    writeFileSync(file, docx);
    return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The document's paragraphs as text, in order: what a reader of the Word file sees. */
export function docxParagraphs(docx: Buffer): string[] {
  const xml = documentXml(docx);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}

/** Each table cell's text with its shading fill, for RAG checks (colour and word together). */
export function docxShadedCells(docx: Buffer): Array<{ fill: string; text: string }> {
  const xml = documentXml(docx);
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
    .map((m) => ({ fill: /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(m[1]!)?.[1]?.toUpperCase() ?? '', text: unescape([...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' ')) }))
    .filter((c) => c.fill);
}
