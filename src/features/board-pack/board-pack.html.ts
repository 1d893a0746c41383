import { RAG_FILL, type Block, type Cell, type PackDocument, type Para } from './pack-document.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function inline(p: Para): string {
  return p.runs
    .map((r) => {
      let t = escape(r.text);
      if (r.italic) t = `<em>${t}</em>`;
      if (r.bold) t = `<strong>${t}</strong>`;
      return t;
    })
    .join('');
}

/** Consecutive bullets become one list; other paragraphs stay paragraphs. */
function paras(list: Para[]): string {
  const out: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length) out.push(`<ul>${items.join('')}</ul>`);
    items = [];
  };
  for (const p of list) {
    if (p.bullet) items.push(`<li>${inline(p)}</li>`);
    else {
      flush();
      out.push(`<p>${inline(p)}</p>`);
    }
  }
  flush();
  return out.join('');
}

function cell(c: Cell, tag: 'td' | 'th'): string {
  const span = c.span ? ` colspan="${c.span}"` : '';
  const rag = c.rag ? ` class="rag rag-${c.rag.toLowerCase()}" style="background:#${RAG_FILL[c.rag]}"` : '';
  return `<${tag}${span}${rag}>${paras(c.paras)}</${tag}>`;
}

function table(b: Extract<Block, { type: 'table' }>): string {
  const cols = b.widths.map((w) => `<col style="width:${w}%">`).join('');
  const head = `<thead><tr>${b.header.map((c) => cell(c, 'th')).join('')}</tr></thead>`;
  const body = `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody>`;
  return `<table><colgroup>${cols}</colgroup>${head}${body}</table>`;
}

const STYLE = `body{font-family:Arial,sans-serif;font-size:11pt;max-width:60em;margin:2em auto;line-height:1.35}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}th,td{border:1px solid #777;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#D9E2F3}td p,th p{margin:.2em 0}.rag{font-weight:bold}.page-break{break-after:page;border:0}
header{font-size:8pt;text-align:right;color:#444}`;

/** The pack as one self-contained HTML page, from the same document the Word file is made from. */
export function packHtml(doc: PackDocument): string {
  const body = doc.blocks
    .map((b) => {
      if (b.type === 'heading') return `<h${b.level}>${escape(b.text)}</h${b.level}>`;
      if (b.type === 'para') return paras([b.para]);
      if (b.type === 'table') return table(b);
      return '<hr class="page-break">';
    })
    .join('\n');
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escape(doc.title)}</title><style>${STYLE}</style></head>\n<body><header>${escape(doc.runningHead)}</header>\n${body}\n</body></html>\n`;
}
