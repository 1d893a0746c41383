import { identifyActor } from '../../bot/identify.ts';
import { ACCESS_HELP, isMember } from '../identity/identity.service.ts';
import type { Feature } from '../registry.ts';
import { addressedToBot } from '../../bot/addressed.ts';
import { parseBoardPackCommand } from './board-pack.commands.ts';
import { requestBoardPack, requestReply } from './board-pack-request.service.ts';

/** "board pack for the October meeting": a short-lived signed link to the Word document. */
export const boardPackFeature: Feature = {
  name: 'board-pack',
  register(app, ctx) {
    app.message(
      async (context) => addressedToBot(context) && parseBoardPackCommand(context.activity.text ?? '') !== undefined,
      async (context) => {
        const command = parseBoardPackCommand(context.activity.text ?? '')!;
        const actor = await identifyActor(context, ctx);
        if (!isMember(actor)) return void (await context.sendActivity(ACCESS_HELP));
        const outcome = await requestBoardPack(ctx, actor, command);
        await context.sendActivity({ type: 'message', text: requestReply(outcome), textFormat: 'markdown' });
      },
    );
  },
};
