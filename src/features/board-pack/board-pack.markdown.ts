import { type Block, type Cell, type PackDocument, type Para } from './pack-document.ts';

function inline(p: Para): string {
  return p.runs
    .map((r) => {
      const t = r.text.replace(/([*_`|\\])/g, '\\$1');
      if (!t.trim()) return t;
      const lead = t.match(/^\s*/)![0];
      const trail = t.match(/\s*$/)![0];
      const core = t.trim();
      return `${lead}${r.bold ? `**${r.italic ? `_${core}_` : core}**` : r.italic ? `_${core}_` : core}${trail}`;
    })
    .join('');
}

/** A cell on one line: paragraphs joined with <br>; a shaded RAG cell already carries its words. */
function cellText(c: Cell): string {
  return c.paras.map((p) => `${p.bullet ? '• ' : ''}${inline(p)}`).join('<br>');
}

function table(b: Extract<Block, { type: 'table' }>): string {
  const width = b.widths.length;
  const row = (cells: Cell[]) => {
    const out = cells.map(cellText);
    const spanned = cells.reduce((n, c) => n + (c.span ?? 1), 0);
    return `| ${[...out, ...Array(Math.max(0, width - spanned)).fill('')].join(' | ')} |`;
  };
  return [row(b.header), `|${'---|'.repeat(width)}`, ...b.rows.map(row)].join('\n');
}

/** The pack as Markdown (GitHub-flavoured tables), from the same document the Word file is made from. */
export function packMarkdown(doc: PackDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push(`${'#'.repeat(b.level)} ${b.text}`);
    else if (b.type === 'para') out.push(`${b.para.bullet ? '- ' : ''}${inline(b.para)}`);
    else if (b.type === 'table') out.push(table(b));
    else out.push('---');
  }
  return `${out.join('\n\n').replace(/\n\n(- )/g, '\n$1')}\n`;
}
