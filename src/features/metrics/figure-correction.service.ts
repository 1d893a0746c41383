import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain-error.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import type { FigureSubmission } from './figure-form.schemas.ts';
import { lastEndedMonth } from './figures.service.ts';
import { isoDay } from './months.ts';
import { resolveBorough } from './partnership-borough.ts';
import { parsePeriodLabel, periodEndDate, periodLabel } from './periods.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** The SentCard kind of the figure form: its submit is checked against it. */
const FORM_KIND = 'metrics.figureForm';

export interface FigureForm {
  sentCardId: string;
  metrics: Array<{ key: string; name: string }>;
  /** The measure the officer named ("correct the hate crime figure"), when one fits. */
  selected?: string;
}

export interface SavedFigure {
  changed: boolean;
  metric: string;
  label: string;
  area: string;
  before?: { value: number; publishedChange: string | null; publishedRag: string | null };
  after: { value: number; publishedChange: string | null; publishedRag: string | null };
  reason: string;
}

function authorise(actor: Actor | undefined): Actor {
  const decision = decide(actor, 'figure.correct');
  if (!decision.allowed) throw new DomainError('metrics.forbidden', decision.reason, 403);
  return actor!;
}

/** A fresh form for an officer to type or correct a figure, remembered so its submit can be checked. */
export async function openFigureForm(
  ctx: Ctx,
  who: Actor | undefined,
  hint?: string,
): Promise<FigureForm> {
  const actor = authorise(who);
  const prisma = ctx.db.prisma;
  const metrics = await prisma.metric.findMany({
    where: { partnershipId: actor.partnershipId },
    select: { key: true, name: true, aliases: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });
  const card = await prisma.sentCard.create({
    data: { kind: FORM_KIND, personId: actor.personId, data: {}, createdAt: ctx.clock.now() },
  });
  const selected = hint ? metricNamed(metrics, hint) : undefined;
  return {
    sentCardId: card.id,
    metrics: metrics.map(({ key, name }) => ({ key, name })),
    ...(selected ? { selected } : {}),
  };
}

function metricNamed(
  metrics: Array<{ key: string; name: string; aliases: string[] }>,
  hint: string,
): string | undefined {
  const said = hint.toLowerCase().replace(/\s+/g, ' ').trim();
  const exact = metrics.find((m) =>
    [m.name, m.key, ...m.aliases].some((w) => w.toLowerCase() === said),
  );
  return exact?.key;
}

/**
 * Saves a typed or corrected figure from the form: the officer's card, still unused; a measure of
 * their partnership; a period that has ended. The figure is stored as published for the
 * partnership's borough; a different value, printed change or RAG supersedes the current one,
 * which is kept as history, and the change is audited with the reason. The same figure again
 * changes nothing.
 */
export async function saveFigure(
  ctx: Ctx,
  who: Actor | undefined,
  form: FigureSubmission,
  activityId: string | undefined,
): Promise<SavedFigure> {
  const actor = authorise(who);
  const prisma = ctx.db.prisma;
  const card = await prisma.sentCard.findUnique({ where: { id: form.sentCardId } });
  if (!card || card.kind !== FORM_KIND || card.personId !== actor.personId)
    throw new DomainError('metrics.bad_card', 'That card is not one I sent you, so nothing was saved.', 403);
  const [metric, partnership] = await Promise.all([
    prisma.metric.findUnique({
      where: { partnershipId_key: { partnershipId: actor.partnershipId, key: form.metric } },
      select: { id: true, name: true },
    }),
    prisma.partnership.findUniqueOrThrow({
      where: { id: actor.partnershipId },
      select: { fyStartMonth: true },
    }),
  ]);
  if (!metric)
    throw new DomainError('metrics.no_metric', 'That measure is not one of this partnership’s, so nothing was saved.');
  const period = parsePeriodLabel(form.period, partnership.fyStartMonth);
  if (!period)
    throw new DomainError(
      'metrics.bad_period',
      `I could not read "${form.period.slice(0, 60)}" as a period. Write it as the board does: Rolling Year Jan 22, Q2 2022/23, Jan 2022 or 2021/22. Nothing was saved.`,
    );
  if (period.end > lastEndedMonth(ctx))
    throw new DomainError('metrics.future_period', 'That period has not ended yet, so it has no figure. Nothing was saved.');
  const area = await resolveBorough(prisma, actor.partnershipId);
  const after = {
    value: form.value,
    publishedChange: form.publishedChange ?? null,
    publishedRag: form.rag ?? null,
  };
  const label = periodLabel(period, partnership.fyStartMonth);
  const now = ctx.clock.now();
  return prisma.$transaction(async (tx) => {
    // Spending the card in the same transaction makes a double submit save once.
    const spent = await tx.sentCard.updateMany({
      where: { id: card.id, closedAt: null },
      data: { closedAt: now },
    });
    if (spent.count === 0)
      throw new DomainError('metrics.card_used', 'That form was already used. Nothing more was saved.');
    const key = { metricId: metric.id, periodKind: period.kind, periodEnd: periodEndDate(period), source: 'PUBLISHED' as const };
    const current = await tx.figure.findFirst({
      where: { ...key, area: { equals: area, mode: 'insensitive' }, supersededAt: null },
      orderBy: { version: 'desc' },
    });
    const before = current
      ? { value: Number(current.value), publishedChange: current.publishedChange, publishedRag: current.publishedRag }
      : undefined;
    const shownLabel = current?.periodLabel ?? label;
    const result = { metric: metric.name, label: shownLabel, area, after, reason: form.reason, ...(before ? { before } : {}) };
    if (before && sameFigure(before, after)) return { ...result, changed: false };
    if (current) await tx.figure.update({ where: { id: current.id }, data: { supersededAt: now } });
    const created = await tx.figure.create({
      data: {
        ...key,
        area: current?.area ?? area,
        periodLabel: shownLabel,
        value: form.value,
        publishedChange: after.publishedChange,
        publishedRag: after.publishedRag,
        sourceDocument: `Entered by ${actor.name} on ${isoDay(now)}: ${form.reason}`,
        version: (current?.version ?? 0) + 1,
        recordedAt: now,
      },
    });
    await audit(tx, {
      partnershipId: actor.partnershipId,
      actorId: actor.personId,
      actorLabel: actor.name,
      action: current ? 'figure.correct' : 'figure.enter',
      entity: 'Figure',
      entityId: created.id,
      entityRef: `${metric.name} (${shownLabel})`,
      sourceActivityId: activityId ?? null,
      ...(before ? { before: { ...before, version: current!.version } } : {}),
      after: { ...after, version: created.version, reason: form.reason },
      at: now,
    });
    return { ...result, changed: true };
  });
}

function sameFigure(a: SavedFigure['after'], b: SavedFigure['after']): boolean {
  return a.value === b.value && a.publishedChange === b.publishedChange && a.publishedRag === b.publishedRag;
}
