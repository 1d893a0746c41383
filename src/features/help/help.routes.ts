import type { Feature } from '../registry.ts';
import { helpText } from './help.service.ts';

/** The catch-all: whatever no other route understood gets honest help with examples. */
export const helpFeature: Feature = {
  name: 'help',
  register(app) {
    app.activity('message', async (context) => {
      await context.sendActivity({ type: 'message', text: helpText(context.activity.text ?? ''), textFormat: 'markdown' });
    });
  },
};
