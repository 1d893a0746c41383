import type { BoardPack } from './board-pack.model.ts';
import type { Block, PackDocument } from './pack-document.ts';
import { crimeBlocks, mattersBlocks } from './pack-layout-appendix.ts';
import { coverBlocks } from './pack-layout-cover.ts';
import { priorityBlocks } from './pack-layout-priorities.ts';

/** The pack laid out once, for every writer: cover, one part per priority, crime table, Appendix A. */
export function layoutBoardPack(pack: BoardPack): PackDocument {
  const priorities = pack.priorities.flatMap((p): Block[] => [{ type: 'pageBreak' }, ...priorityBlocks(p)]);
  const version = pack.version === 'board' ? 'Board version – not for publication' : 'Public version';
  return {
    title: `${pack.partnershipName} – Board pack – ${pack.meeting.date}`,
    runningHead: `${pack.partnershipName} – Board pack – ${pack.meeting.date} – ${version}`,
    blocks: [...coverBlocks(pack), ...priorities, ...(pack.crime ? crimeBlocks(pack.crime) : []), ...mattersBlocks(pack.mattersArising)],
  };
}

/** "board-pack-2022-10-27.docx" / "board-pack-2022-10-27-board.docx". */
export function packFileName(pack: Pick<BoardPack, 'meeting' | 'version'>, ext: 'docx' | 'md' | 'html'): string {
  return `board-pack-${pack.meeting.isoDate}${pack.version === 'board' ? '-board' : ''}.${ext}`;
}
