import type { AppContext } from '../../app-context.ts';
import { hostAllowed, LOOPBACK_HOSTS } from '../../config.ts';
import { DomainError } from '../../domain-error.ts';
import type { Actor } from '../identity/identity.service.ts';
import { decide } from '../policy/policy.ts';
import { formatImportReport, importPoliceBytes } from './metrics-import.service.ts';
import { MetricsFileError } from './metrics-file.error.ts';
import { downloadSentFile, sentFiles, type SentFile } from './sent-file.ts';

/**
 * Police or figures files an officer sent to the bot in their personal chat (the message's
 * attachments, checked only once the sender may import): each is fetched and imported like
 * `npm run metrics:import`, and answered with its report (or why it was not) as soon as it is done.
 */
export async function importSentFiles(
  ctx: Pick<AppContext, 'db' | 'clock' | 'log' | 'config'>,
  actor: Actor,
  attachments: readonly unknown[] | undefined,
  inPersonalChat: boolean,
  reply: (text: string) => Promise<void>,
): Promise<void> {
  if (!inPersonalChat)
    throw new DomainError('metrics.not_personal', 'Send police files to me in a personal chat, not here.');
  const decision = decide(actor, 'import.run');
  if (!decision.allowed) throw new DomainError('metrics.forbidden', decision.reason, 403);
  for (const file of sentFiles(attachments)) await reply(await importOne(ctx, actor, file));
}

async function importOne(
  ctx: Pick<AppContext, 'db' | 'clock' | 'log' | 'config'>,
  actor: Actor,
  file: SentFile,
): Promise<string> {
  if (!/\.csv$/i.test(file.name))
    return `I did not import ${file.name.slice(0, 100)}: I read police and figures files as CSV (.csv). Nothing was changed.`;
  const bytes = await downloadSentFile(
    file,
    (host) => hostAllowed(host, ctx.config.fileDownloadHosts),
    LOOPBACK_HOSTS,
  );
  try {
    const report = await importPoliceBytes(
      ctx,
      { name: file.name, bytes },
      { partnershipId: actor.partnershipId, actorId: actor.personId, actorLabel: actor.name },
    );
    ctx.log.info({ event: 'metrics.file_imported', batchId: report.batchId, format: report.format }, 'file imported');
    return formatImportReport(report).replace(/\n/g, '\n\n');
  } catch (error) {
    if (!(error instanceof MetricsFileError)) throw error;
    return `I did not import ${file.name.slice(0, 100)}, ${error.userMessage}. Nothing was changed.`;
  }
}
