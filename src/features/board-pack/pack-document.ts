import type { RagStatus } from '../../generated/prisma/enums.ts';

/**
 * The laid-out document every writer renders: headings, paragraphs and real tables, so Word,
 * Markdown and HTML say the same thing. RAG cells carry their status (for shading) and their
 * words (always printed: never colour alone).
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface Para {
  runs: Run[];
  bullet?: boolean;
}

export interface Cell {
  paras: Para[];
  /** Shade the cell for this status; the words are in `paras`. */
  rag?: RagStatus;
  /** Spans this many columns (a section heading row). */
  span?: number;
  header?: boolean;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'para'; para: Para }
  | { type: 'table'; widths: number[]; header: Cell[]; rows: Cell[][] }
  | { type: 'pageBreak' };

export interface PackDocument {
  title: string;
  /** Running header, e.g. "Board pack – 27 October 2022 – Public version". */
  runningHead: string;
  blocks: Block[];
}

/** Shading per status (hex, no #), light enough that black text on it stays readable. */
export const RAG_FILL: Record<RagStatus, string> = {
  ACHIEVED: '9DC3E6',
  GREEN: 'A9D08E',
  AMBER: 'FFD966',
  RED: 'F4A6A6',
  NOT_REPORTED: 'D9D9D9',
};

export const text = (t: string, style: Omit<Run, 'text'> = {}): Run => ({ text: t, ...style });
export const para = (...runs: Run[]): Para => ({ runs });
export const plain = (t: string): Para => ({ runs: [{ text: t }] });
export const cell = (paras: Para[], extra: Omit<Cell, 'paras'> = {}): Cell => ({ paras, ...extra });

/**
 * Narrative text as paragraphs: blank lines separate paragraphs, "- " lines are bullets (the
 * partnership file keeps the papers' lists that way).
 */
export function textParas(body: string, lead: Run[] = []): Para[] {
  const out: Para[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    let prose: string[] = [];
    const flush = () => {
      if (prose.length) out.push({ runs: [{ text: prose.join(' ') }] });
      prose = [];
    };
    for (const line of lines) {
      const bullet = /^[-•]\s+(.*)$/.exec(line);
      if (bullet) {
        flush();
        out.push({ runs: [{ text: bullet[1]! }], bullet: true });
      } else prose.push(line);
    }
    flush();
  }
  if (out.length === 0) out.push({ runs: [] });
  if (lead.length) out[0] = { ...out[0]!, runs: [...lead, ...out[0]!.runs] };
  return out;
}

/** The plain text of a paragraph (for Markdown, HTML and tests). */
export const paraText = (p: Para): string => p.runs.map((r) => r.text).join('');
