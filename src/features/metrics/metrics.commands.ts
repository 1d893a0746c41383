/** "correct the hate crime figure", "enter figures": the officer's figure form, with the measure named if it was. */
export interface FigureFormCommand {
  kind: 'figure-form';
  /** The words between the verb and "figure" ("hate crime"), when there are any. */
  measure?: string;
}

const FORM = /^(?:please\s+)?(?:correct|fix|amend|change|revise|enter|record|type(?:\s+in)?|input|add)\s+(.*?)\s*\bfigures?\b\s*(?:for\s+(.+))?$/i;
const FILLER = /^(?:(?:the|a|an|some|new|latest|last|police)\s+)+/i;

export function parseFigureCommand(raw: string): FigureFormCommand | undefined {
  const text = raw.replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '');
  if (text.length > 120) return undefined;
  const m = FORM.exec(text);
  if (!m) return undefined;
  const measure = (m[2] ?? m[1] ?? '').replace(FILLER, '').trim();
  return { kind: 'figure-form', ...(measure ? { measure } : {}) };
}
