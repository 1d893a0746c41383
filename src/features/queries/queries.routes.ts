import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { startEarlyRead, takeEarlyRead } from '../../bot/early-reads.ts';
import { identifyActor } from '../../bot/identify.ts';
import { cardAttachment } from '../../cards/card-templates.ts';
import { ACCESS_HELP, isMember, type Actor } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import type { Intent, Vocabulary } from './intent.ts';
import { renderAnswerCard } from './answer-cards.ts';
import { AskSubmitSchema } from './queries.schemas.ts';
import { answerQuestion } from './queries.service.ts';
import { answerText } from './queries.text.ts';
import { prepareVocabulary, understand } from './understand.ts';
import { loadVocabulary, vocabularyStampOfPerson } from './vocabulary.service.ts';

/** What this turn needs from the queries feature, decided once by the selector. */
type Turn =
  | { kind: 'pass' }
  | { kind: 'ignore' }
  | { kind: 'refuse' }
  | { kind: 'answer'; actor: Actor; intent: Intent; vocabulary: Vocabulary };

const TURN_KEY = Symbol('queries.turn');
const STAMP = Symbol('queries.vocabularyStamp');

/**
 * Starts reading the asker's vocabulary stamp (which `decide` needs after knowing who is asking)
 * as the turn begins, for a message that will be read as a question or command.
 */
export function startReadingVocabulary(context: TurnContext, ctx: Pick<AppContext, 'db'>): void {
  const aadObjectId = context.activity.from?.aadObjectId;
  if (context.activity.type !== 'message' || !aadObjectId || !addressedToBot(context)) return;
  startEarlyRead(context, STAMP, () => vocabularyStampOfPerson(ctx.db.prisma, aadObjectId));
}

async function decide(context: TurnContext, ctx: AppContext): Promise<Turn> {
  const activity = context.activity;
  if (activity.type !== 'message') return { kind: 'pass' };
  const ask = AskSubmitSchema.safeParse(activity.value);
  // Another feature's card submit: not a question.
  if (activity.value !== undefined && !ask.success && !activity.text) return { kind: 'pass' };
  // A choice pressed on the bot's own card needs no @mention.
  if (!ask.success && !addressedToBot(context)) return { kind: 'ignore' };
  const actor = await identifyActor(context, ctx);
  const question = ask.success ? ask.data.question : (activity.text ?? '');
  const vocabulary = await loadVocabulary(
    ctx.db.prisma,
    isMember(actor) ? actor.partnershipId : undefined,
    takeEarlyRead(context, STAMP, async () => undefined),
  );
  const intent = understand(question, prepareVocabulary(vocabulary));
  // Small talk and "help" go to help, for anyone; a partnership question only for members.
  if (!isMember(actor))
    return intent.kind === 'unknown' || intent.kind === 'help'
      ? { kind: 'pass' }
      : { kind: 'refuse' };
  return intent.kind === 'unknown'
    ? { kind: 'pass' }
    : { kind: 'answer', actor, intent, vocabulary };
}

async function turnOf(context: TurnContext, ctx: AppContext): Promise<Turn> {
  const cached = context.turnState.get(TURN_KEY) as Turn | undefined;
  if (cached) return cached;
  const turn = await decide(context, ctx);
  context.turnState.set(TURN_KEY, turn);
  return turn;
}

async function handle(context: TurnContext, ctx: AppContext): Promise<void> {
  const turn = await turnOf(context, ctx);
  if (turn.kind === 'ignore' || turn.kind === 'pass') return;
  if (turn.kind === 'refuse') {
    ctx.log.info({ event: 'queries.refused', activityId: context.activity.id }, 'not a member');
    await context.sendActivity({ type: 'message', text: ACCESS_HELP });
    return;
  }
  const answer = await answerQuestion(ctx, turn.actor, turn.intent, turn.vocabulary);
  const card = renderAnswerCard(answer);
  ctx.log.info(
    {
      event: 'queries.answered',
      intent: turn.intent.kind,
      answer: answer.kind,
      activityId: context.activity.id,
    },
    'answered',
  );
  const text = answerText(answer);
  // With a card, the plain text travels as the card's fallback (clients that cannot render it show
  // that) rather than as message text, which Teams would show above the card as well.
  await context.sendActivity(
    card
      ? { type: 'message', summary: text.slice(0, 200), attachments: [cardAttachment({ ...card, fallbackText: text })] }
      : { type: 'message', text, textFormat: 'markdown' },
  );
}

/**
 * Questions in plain words. Registered just before help: anything it does not understand falls
 * through to help, and channel messages that do not @mention the bot are dropped here.
 */
export const queriesFeature: Feature = {
  name: 'queries',
  register(app, ctx) {
    app.message(
      async (context) => (await turnOf(context, ctx)).kind !== 'pass',
      async (context) => handle(context, ctx),
    );
  },
};
