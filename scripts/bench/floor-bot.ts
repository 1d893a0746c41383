// The floor: the least a botbuilder bot can do per turn (restify + CloudAdapter, no database, no
// teams-ai). Messages are echoed to the connector; card actions answer with a one-line card in the
// invoke response. Run as a child process by the benchmark, exactly as the bot is.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const server = restify.createServer({ name: 'floor-bot' });
server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }));

/** The same shape of answer the bot gives, with nothing behind it. */
async function echo(context: TurnContext): Promise<void> {
  if (context.activity.type === 'message') {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    return;
  }
  if (context.activity.type === 'invoke') {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'echo', wrap: true }] };
    const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  }
}

server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, echo);
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});

server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
