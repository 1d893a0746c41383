import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/db/database.ts';
import { renderBoardPack } from '../../src/features/board-pack/board-pack-render.ts';
import { findMeetingOn } from '../../src/features/meetings/meeting-dates.ts';
import { clockFrom } from '../../src/time/clock.ts';
import type { BenchDatabase } from './bench-databases.ts';
import { median } from './stats.ts';

export interface PackTime {
  ms: number;
  bytes: number;
}

/** The Word board pack for the 27 October 2022 meeting, as `npm run board-pack` makes it: median of `repeats`. */
export async function timeBoardPack(db: BenchDatabase, asOf: string, repeats = 3): Promise<PackTime> {
  const opened = await openDatabase({ databaseUrl: db.url, dataDir: db.env.DATA_DIR!, purpose: 'benchmark' });
  try {
    const partnership = await opened.prisma.partnership.findFirstOrThrow({ select: { id: true } });
    const meeting = await findMeetingOn(opened.prisma, partnership.id, '2022-10-27');
    if (!meeting) throw new Error('no meeting on 2022-10-27 in the example');
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      const out = await renderBoardPack({ db: opened, clock: clockFrom(asOf) }, meeting.id, 'public', 'docx');
      times.push(performance.now() - started);
      bytes = out.body.length;
    }
    return { ms: Math.round(median(times)), bytes };
  } finally {
    await opened.close();
  }
}
