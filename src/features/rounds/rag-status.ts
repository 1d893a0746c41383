import type { RagStatus } from '../../generated/prisma/client.ts';

/** Worst first: a split cell takes the worse of its words. */
export const STATUS_ORDER: RagStatus[] = ['RED', 'AMBER', 'GREEN', 'ACHIEVED', 'NOT_REPORTED'];

export const STATUS_WORD: Record<RagStatus, string> = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  ACHIEVED: 'Achieved',
  NOT_REPORTED: 'Not reported',
};

export function worstStatus(statuses: RagStatus[]): RagStatus {
  const known = statuses.filter((s) => s !== 'NOT_REPORTED');
  if (known.length === 0) return 'NOT_REPORTED';
  return known.reduce((worst, s) => (STATUS_ORDER.indexOf(s) < STATUS_ORDER.indexOf(worst) ? s : worst));
}

/** Direction of travel between two periods' statuses, in words. */
export function direction(previous: RagStatus | undefined, current: RagStatus | undefined): string {
  if (!previous || !current || previous === 'NOT_REPORTED' || current === 'NOT_REPORTED') return '';
  const d = STATUS_ORDER.indexOf(current) - STATUS_ORDER.indexOf(previous);
  if (d === 0) return `Same as last period (${STATUS_WORD[previous]})`;
  return d > 0 ? `Improving since last period (was ${STATUS_WORD[previous]})` : `Worse than last period (was ${STATUS_WORD[previous]})`;
}
