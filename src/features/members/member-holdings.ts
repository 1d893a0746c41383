import { formatDate } from '../queries/format.ts';
import type { Tx } from './member-people.ts';

/** Something a member owns that must go to someone when they leave. */
export interface Holding {
  /** Stable within a handover: `service:<id>`, `action:<actionOwnerId>`, `delegation:<id>`. */
  key: string;
  kind: 'service' | 'action' | 'delegation';
  id: string;
  /** What the officer reads: "SNT Police (commitments 1.1.1, 2.3.1)". */
  label: string;
  /** Words that name it in "hand over X to …": the service's names, "minute 26". */
  names: string[];
  /** Other current owners, who keep it if nobody takes it over: then it is not orphaned. */
  others: string[];
}

const OPEN_ACTIONS = ['OPEN', 'PROPOSED_CLOSED'] as const;

/** Everything the person owns now: services (and so commitments), open actions, delegations to them. */
export async function holdingsOf(tx: Tx, personId: string): Promise<Holding[]> {
  return [
    ...(await serviceHoldings(tx, personId)),
    ...(await actionHoldings(tx, personId)),
    ...(await delegationHoldings(tx, personId)),
  ];
}

async function serviceHoldings(tx: Tx, personId: string): Promise<Holding[]> {
  const rows = await tx.serviceAnswerer.findMany({
    where: { personId },
    include: {
      service: {
        include: {
          answerers: {
            include: { person: { select: { id: true, name: true, membership: true } } },
          },
          commitments: {
            where: { commitment: { retiredAt: null } },
            include: { commitment: { select: { ref: true } } },
          },
        },
      },
    },
    orderBy: { service: { name: 'asc' } },
  });
  return rows.map(({ service }) => {
    const refs = service.commitments.map((c) => c.commitment.ref).sort(byRef);
    return {
      key: `service:${service.id}`,
      kind: 'service' as const,
      id: service.id,
      label: `${service.name}${refs.length ? ` (commitments ${refs.join(', ')})` : ''}`,
      names: [service.name, ...service.aliases],
      others: service.answerers
        .filter((a) => a.personId !== personId && a.person.membership === 'MEMBER')
        .map((a) => a.person.name),
    };
  });
}

async function actionHoldings(tx: Tx, personId: string): Promise<Holding[]> {
  const rows = await tx.actionOwner.findMany({
    where: { personId, kind: 'PERSON', action: { status: { in: [...OPEN_ACTIONS] } } },
    include: {
      action: {
        include: {
          minute: { include: { meeting: { select: { startsAt: true } } } },
          owners: { include: { person: { select: { name: true, membership: true } } } },
        },
      },
    },
  });
  return rows.map((row) => {
    const { action } = row;
    const minute = `minute ${action.minute.number}`;
    return {
      key: `action:${row.id}`,
      kind: 'action' as const,
      id: row.id,
      label: `Action, ${minute} of ${formatDate(action.minute.meeting.startsAt)}: ${action.text.slice(0, 100)}${action.text.length > 100 ? '…' : ''}`,
      names: [minute, `action ${action.minute.number}`, `minute ${action.minute.number} action`],
      others: action.owners
        .filter(
          (o) => o.id !== row.id && (o.kind !== 'PERSON' || o.person?.membership === 'MEMBER'),
        )
        .map((o) => o.person?.name ?? o.asWritten ?? o.ownerKey),
    };
  });
}

async function delegationHoldings(tx: Tx, personId: string): Promise<Holding[]> {
  const rows = await tx.delegation.findMany({
    where: {
      toId: personId,
      revokedAt: null,
      OR: [{ roundId: null }, { round: { status: { in: ['DRAFT', 'OPEN'] } } }],
    },
    include: { from: { select: { name: true } } },
  });
  return rows.map((d) => ({
    key: `delegation:${d.id}`,
    kind: 'delegation' as const,
    id: d.id,
    label: `Updates delegated by ${d.from.name}`,
    names: [
      `${d.from.name}'s updates`,
      `delegation from ${d.from.name}`,
      `updates for ${d.from.name}`,
    ],
    others: [d.from.name],
  }));
}

/** "2.10.1" after "2.9.1": references sort by number, part by part. */
export function byRef(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
