import { describe, expect, it } from 'vitest';
import { closest, matchName, normaliseName } from '../../../src/features/members/member-lookup.ts';

const SERVICES = [
  { id: 'cs', name: 'Community Safety', aliases: ['LBB Community Safety', 'CCTV'], note: null },
  { id: 'ts', name: 'Trading Standards', aliases: ['LBB Trading Standards'], note: null },
  {
    id: 'eifs',
    name: 'Early Intervention and Family Support',
    aliases: ['EIFS', 'DA Strategic Lead Officer', 'DASLO'],
    note: 'the Priority 2 partner "VAWG" (domestic abuse: the DA Strategic Lead Officer, DASLO) is held here',
  },
  {
    id: 'hsg',
    name: 'Housing',
    aliases: ['LBB Housing'],
    note: 'names her on the Sanctuary Scheme and the new DA duties',
  },
  { id: 'met', name: 'Met Police', aliases: ['Police', 'MPS'], note: null },
];

describe('matchName', () => {
  it('matches names and aliases in any case', () => {
    expect(matchName('trading standards', SERVICES)).toMatchObject({
      kind: 'one',
      item: { id: 'ts' },
    });
    expect(matchName('eifs', SERVICES)).toMatchObject({ kind: 'one', item: { id: 'eifs' } });
    expect(matchName('POLICE', SERVICES)).toMatchObject({ kind: 'one', item: { id: 'met' } });
  });

  it('tolerates small typos', () => {
    expect(matchName('Trading Standrads', SERVICES)).toMatchObject({
      kind: 'one',
      item: { id: 'ts' },
    });
    expect(matchName('Comunity Safety', SERVICES)).toMatchObject({
      kind: 'one',
      item: { id: 'cs' },
    });
  });

  it('offers the closest services when nothing matches, the one covering domestic abuse first', () => {
    const found = matchName('domestic abuse', SERVICES);
    expect(found.kind).toBe('none');
    expect(found.kind === 'none' && found.closest.map((s) => s.id)[0]).toBe('eifs');
  });

  it('reports several fits rather than guessing', () => {
    const people = [
      { id: '1', name: 'Stuart Baker' },
      { id: '2', name: 'Cheryl Baker' },
    ];
    expect(matchName('Baker', people)).toMatchObject({ kind: 'many' });
    expect(matchName('Stuart Bakker', people)).toMatchObject({ kind: 'one', item: { id: '1' } });
  });

  it('finds nothing close for nonsense', () => {
    expect(closest('zebra crossing', SERVICES)).toEqual([]);
  });

  it('compares names without apostrophes, hyphens or honorifics', () => {
    expect(normaliseName("Councillor Jamie O'Malley")).toBe('jamie omalley');
    expect(normaliseName('Mimi Morris-Cotterill')).toBe('mimi morris cotterill');
  });
});
