import type { NarrativeKind, Prisma, PrismaClient, RagStatus } from '../../generated/prisma/client.ts';
import type { PackCommitment, PackLine, PackPeriod, PackPriority, PackVersion, RagCell, ServiceBlock } from './board-pack.model.ts';
import { periodHeading } from './board-pack-period.ts';

type Db = Prisma.TransactionClient | PrismaClient;

/** Kinds that are a period's line ("Q1 Update – …"); the others are standing text of the current paper. */
const LINE_KINDS: ReadonlySet<NarrativeKind> = new Set(['UPDATE', 'NO_CHANGE', 'NOT_APPLICABLE', 'NOT_REQUESTED', 'NOT_PROVIDED']);

export const NOT_REPORTED: RagCell = { words: ['Not reported'], status: 'NOT_REPORTED' };

interface NarrativeRow {
  commitmentId: string;
  periodId: string;
  kind: NarrativeKind;
  label: string | null;
  text: string;
  boardOnly: boolean;
  seq: number;
  service: { name: string } | null;
}

/** "1.4.1.1" sorts after "1.4.1" and before "1.4.2"; "3.5.10" after "3.5.9". */
export function compareRefs(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The current RAG of each commitment for a period, by commitment id. */
export async function ratingsFor(db: Db, periodId: string, commitmentIds: string[]): Promise<Map<string, RagCell>> {
  const rows = await db.ragRating.findMany({
    where: { periodId, supersededAt: null, commitmentId: { in: commitmentIds } },
    select: { commitmentId: true, words: true, status: true },
  });
  return new Map(rows.map((r) => [r.commitmentId, { words: r.words, status: r.status as RagStatus }]));
}

/**
 * The strategy's priorities for the pack: sections, commitments (retired ones left out),
 * each with its narratives by service and its RAG for the reported period. The public version
 * leaves board-only narratives out; purged narratives are never shown.
 */
export async function packPriorities(
  db: Db,
  partnershipId: string,
  periods: PackPeriod[],
  version: PackVersion,
  asAt: Date,
): Promise<{ priorities: PackPriority[]; commitmentIds: Map<string, string> }> {
  const current = periods[periods.length - 1]!;
  const strategy = await db.strategy.findFirst({
    where: { partnershipId },
    orderBy: [{ startYear: 'desc' }, { title: 'asc' }],
    select: {
      priorities: {
        orderBy: { number: 'asc' },
        select: {
          number: true, title: true, leadPartners: true, aims: true,
          sections: {
            orderBy: { number: 'asc' },
            select: {
              number: true, title: true,
              commitments: { where: { OR: [{ retiredAt: null }, { retiredAt: { gt: asAt } }] }, select: { id: true, ref: true, text: true, parentId: true } },
            },
          },
        },
      },
    },
  });
  const all = (strategy?.priorities ?? []).flatMap((p) => p.sections.flatMap((s) => s.commitments));
  const ids = all.map((c) => c.id);
  const [ratings, narratives] = await Promise.all([
    ratingsFor(db, current.id, ids),
    db.narrative.findMany({
      where: { commitmentId: { in: ids }, periodId: { in: periods.map((p) => p.id) }, supersededAt: null, purgedAt: null, ...(version === 'public' ? { boardOnly: false } : {}) },
      orderBy: [{ seq: 'asc' }, { slot: 'asc' }],
      select: { commitmentId: true, periodId: true, kind: true, label: true, text: true, boardOnly: true, seq: true, service: { select: { name: true } } },
    }),
  ]);
  const byCommitment = groupBy(narratives, (n) => n.commitmentId);
  const heading = periodHeading(current);
  const priorities = (strategy?.priorities ?? []).map((p) => ({
    number: p.number,
    heading: `Priority ${p.number} – ${p.title}`,
    periodHeading: heading,
    leadPartners: p.leadPartners,
    aims: p.aims,
    sections: p.sections.map((s) => ({
      number: s.number,
      title: s.title,
      commitments: [...s.commitments]
        .sort((a, b) => compareRefs(a.ref, b.ref))
        .map((c): PackCommitment => ({
          ref: c.ref,
          text: c.text,
          isSub: c.parentId !== null,
          services: serviceBlocks(byCommitment.get(c.id) ?? [], periods),
          rag: ratings.get(c.id) ?? NOT_REPORTED,
        })),
    })),
  }));
  return { priorities, commitmentIds: new Map(all.map((c) => [c.id, c.ref])) };
}

/**
 * A commitment's narratives grouped by service, each in the paper's order: the current
 * paper's standing text and case studies, then the earlier quarters' lines, then this
 * quarter's lines.
 */
export function serviceBlocks(rows: NarrativeRow[], periods: PackPeriod[]): ServiceBlock[] {
  const current = periods[periods.length - 1]!;
  const order = new Map(periods.map((p, i) => [p.id, i]));
  const labelOf = new Map(periods.map((p) => [p.id, p.label]));
  const rank = (n: NarrativeRow) => {
    const isCurrent = n.periodId === current.id;
    if (isCurrent && !LINE_KINDS.has(n.kind)) return 0;
    return isCurrent ? 2 : 1;
  };
  const shown = rows.filter((n) => n.periodId === current.id || LINE_KINDS.has(n.kind));
  const services = [...new Set(shown.map((n) => n.service?.name ?? null))];
  return services.map((service) => ({
    service,
    lines: shown
      .filter((n) => (n.service?.name ?? null) === service)
      .sort((a, b) => rank(a) - rank(b) || order.get(a.periodId)! - order.get(b.periodId)! || a.seq - b.seq)
      .map((n): PackLine => ({ kind: n.kind, label: n.label, text: n.text, periodLabel: labelOf.get(n.periodId)!, boardOnly: n.boardOnly })),
  }));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}
