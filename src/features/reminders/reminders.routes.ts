import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../app-context.ts';
import { identifyActor } from '../../bot/identify.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { longDate } from './reminder-text.ts';
import { parseReminderCommand, type ReminderCommand } from './reminders.commands.ts';
import { setRemindersPaused, snoozeReminders } from './reminders.service.ts';

/** "pause reminders", "resume reminders" (officers); "snooze my reminders until Friday" (partners). */
export const remindersFeature: Feature = {
  name: 'reminders',
  register(app, ctx) {
    app.message(
      async (context) => addressedToBot(context) && parseReminderCommand(context.activity.text ?? '', ctx.clock.now()) !== undefined,
      async (context) => {
        const command = parseReminderCommand(context.activity.text ?? '', ctx.clock.now())!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        await context.sendActivity(await answer(context, ctx, command));
      },
    );
  },
};

async function answer(context: TurnContext, ctx: AppContext, command: ReminderCommand): Promise<string> {
  const actor = await identifyActor(context, ctx);
  switch (command.kind) {
    case 'pause':
    case 'resume': {
      const paused = command.kind === 'pause';
      const { periodLabel, changed } = await setRemindersPaused(ctx, actor, paused, context.activity.id);
      if (!changed) return `Reminders for the ${periodLabel} round were already ${paused ? 'paused' : 'on'}.`;
      return paused
        ? `Reminders and chasers for the ${periodLabel} round are paused for everyone. Say "resume reminders" to turn them back on.`
        : `Reminders and chasers for the ${periodLabel} round are back on.`;
    }
    case 'snooze': {
      if (!command.until) return 'Until when? For example: "snooze my reminders until Friday" or "… until 14 November".';
      const { periodLabel } = await snoozeReminders(ctx, actor, command.until);
      return `I won't remind you about the ${periodLabel} round before ${longDate(command.until)}. Say "wake my reminders" to have them back sooner.`;
    }
    case 'unsnooze': {
      const { periodLabel } = await snoozeReminders(ctx, actor, undefined);
      return `Your reminders for the ${periodLabel} round are back on.`;
    }
  }
}
