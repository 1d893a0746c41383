import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../identity/identity.service.ts';
import { answerActions } from './actions.service.ts';
import type { Answer } from './answers.ts';
import { exampleQuestions } from './examples.ts';
import type { Intent, Vocabulary } from './intent.ts';
import { answerNextMeeting } from './meeting.service.ts';
import { answerCrimeTable, answerMetric, answerTrend } from './metric.service.ts';
import { resolveOwner } from './owners.service.ts';
import { answerWho } from './people.service.ts';
import { answerRag } from './rag.service.ts';
import { answerReported } from './reported.service.ts';

async function ragForOwner(
  ctx: AppContext,
  actor: Actor,
  intent: Extract<Intent, { kind: 'rag-owner' }>,
): Promise<Answer> {
  const prisma = ctx.db.prisma;
  const owner = intent.owner;
  const resolved = await resolveOwner(prisma, actor.partnershipId, owner);
  if (!resolved) return { kind: 'notice', text: `I don't know ${owner.name}.` };
  if (resolved.serviceIds.length === 0)
    return { kind: 'notice', text: `${owner.name} does not answer for any service's commitments.` };
  return answerRag(
    prisma,
    actor.partnershipId,
    { kind: 'services', serviceIds: resolved.serviceIds, title: owner.name },
    intent.period,
  );
}

/** Answers an understood question from the database, for a member of the partnership. */
export async function answerQuestion(
  ctx: AppContext,
  actor: Actor,
  intent: Intent,
  vocabulary: Vocabulary,
): Promise<Answer> {
  const prisma = ctx.db.prisma;
  const id = actor.partnershipId;
  switch (intent.kind) {
    case 'rag-overall':
      return answerRag(prisma, id, { kind: 'overall' }, intent.period);
    case 'rag-priority':
      return answerRag(prisma, id, { kind: 'priority', number: intent.priority }, intent.period);
    case 'rag-commitment':
      return answerRag(prisma, id, { kind: 'ref', ref: intent.ref }, intent.period);
    case 'rag-owner':
      return ragForOwner(ctx, actor, intent);
    case 'metric-latest':
      return answerMetric(ctx, id, intent.metric);
    case 'metric-compare':
      return answerMetric(ctx, id, intent.metric, 'compare');
    case 'metric-trend':
      return answerTrend(ctx, id, intent.metric);
    case 'crime-table':
      return answerCrimeTable(ctx, id);
    case 'actions-outstanding':
      return answerActions(
        prisma,
        id,
        { ...(intent.owner ? { owner: intent.owner } : {}), overdue: intent.overdue },
        actor,
        ctx.clock.now(),
      );
    case 'reported':
      return answerReported(prisma, id, intent);
    case 'who-is':
      return answerWho(prisma, id, intent.target);
    case 'next-meeting':
      return answerNextMeeting(prisma, id, ctx.clock.now());
    case 'ambiguous':
      return { kind: 'choices', prompt: intent.prompt, choices: intent.choices };
    case 'help':
    case 'unknown':
      return { kind: 'help', examples: exampleQuestions(vocabulary) };
  }
}
