import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { identifyActor } from '../../bot/identify.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { renderPersonalWelcome, renderTeamWelcome } from './welcome.cards.ts';
import { WelcomeAskSchema } from './welcome.schemas.ts';
import { claimFirstContact, forgetFirstContact, personalWelcome } from './welcome.service.ts';

/**
 * First contact: a member who installs the bot is greeted with what is theirs; a team hears
 * an introduction once; a stranger learns how to get access. Welcome buttons ask questions
 * that other features answer, as if typed.
 */
export const welcomeFeature: Feature = {
  name: 'welcome',
  register(app, ctx) {
    // Teams' own routes pick one handler per activity; a team's first contact is a side effect
    // here, so the digests feature's membersAdded route still registers the channel.
    app.turn('beforeTurn', async (context) => {
      askFromButton(context);
      if (botAddedToTeam(context)) await introduceToTeam(context, ctx);
      return true;
    });
    app.activity(
      async (context) => context.activity.type === 'installationUpdate' && isPersonal(context),
      async (context) => {
        const action = context.activity.action ?? '';
        if (action === 'add') await greetInPersonal(context, ctx);
        else if (action === 'remove') await forgetFirstContact(ctx, personalKey(context));
      },
    );
    app.activity(
      async (context) => context.activity.type === 'conversationUpdate' && isPersonal(context) && botInMembersAdded(context),
      async (context) => greetInPersonal(context, ctx),
    );
  },
};

const isPersonal = (context: TurnContext) => (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
const personalKey = (context: TurnContext) => `personal|${context.activity.conversation.id}`;
const teamId = (context: TurnContext) => (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;

function botInMembersAdded(context: TurnContext): boolean {
  const { membersAdded, recipient } = context.activity;
  return (membersAdded ?? []).some((m) => m.id === recipient?.id);
}

/** Installed in a team: installationUpdate add, or conversationUpdate with the bot among membersAdded. */
function botAddedToTeam(context: TurnContext): boolean {
  const a = context.activity;
  if (isPersonal(context) || !teamId(context)) return false;
  return (a.type === 'installationUpdate' && a.action === 'add') || (a.type === 'conversationUpdate' && botInMembersAdded(context));
}

async function greetInPersonal(context: TurnContext, ctx: AppContext): Promise<void> {
  if (!(await claimFirstContact(ctx, personalKey(context)))) return;
  const actor = await identifyActor(context, ctx);
  if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
  ctx.log.info({ event: 'welcome.personal', personId: actor.personId }, 'greeted a member');
  await context.sendActivity({ attachments: [renderPersonalWelcome(await personalWelcome(ctx, actor))] });
}

/** Once per team, ever: Teams sends two events per install, and reinstalls need no second speech. */
async function introduceToTeam(context: TurnContext, ctx: AppContext): Promise<void> {
  const team = teamId(context)!;
  if (!(await claimFirstContact(ctx, `team|${team}`))) return;
  ctx.log.info({ event: 'welcome.team', teamId: team }, 'introduced to a team');
  await context.sendActivity({ attachments: [renderTeamWelcome(context.activity.recipient?.name ?? 'Partnership Board')] });
}

/**
 * A welcome button (Action.Submit) arrives as a message with a value and no text. It stands
 * for the question it names, addressed to the bot (a press on its own card is), so the
 * feature that owns that question answers it in personal chats and channels alike.
 */
function askFromButton(context: TurnContext): void {
  const a = context.activity;
  if (a.type !== 'message') return;
  const ask = WelcomeAskSchema.safeParse(a.value);
  if (!ask.success) return;
  a.text = ask.data.question;
  const mentioned = (a.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === a.recipient?.id);
  if (!mentioned && a.recipient) a.entities = [...(a.entities ?? []), { type: 'mention', mentioned: { id: a.recipient.id, name: a.recipient.name }, text: '' }];
}
