import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardText, executeActions, teamsUser } from '../helpers/members.ts';
import { SEEDS_TABLE } from '../fixtures/metrics/paths.ts';

/**
 * Crime figures in chat, against the Safer Bromley example: the crime performance table as the
 * board printed it (rows read from the transcribed seed table, not from the bot), a trend chart,
 * a figure against last year, and an officer correcting a figure from a card, audited.
 */
const read = (card: unknown) => cardText(card).replace(/\\(.)/g, '$1');

/** The seed table: [metric, Rolling Year Jan 21, Rolling Year Jan 22, change as printed]. */
function seedTable(): Array<[string, string, string, string]> {
  const lines = readFileSync(SEEDS_TABLE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.match(/("[^"]*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/"/g, '')));
  const rows = new Map<string, [string, string, string, string]>();
  for (const [metric, period, value, change] of lines) {
    const row = rows.get(metric!) ?? [metric!, '', '', ''];
    const shown = Number(value!.replace(/,/g, '')).toLocaleString('en-GB');
    if (period!.endsWith('21')) row[1] = shown;
    else [row[2], row[3]] = [shown, change!];
    rows.set(metric!, row);
  }
  return [...rows.values()];
}

/** The cells of an Adaptive Card Table, row by row, as text. */
function tableCells(card: Record<string, any>): string[][] {
  const table = (card.body as Array<Record<string, any>>).find((b) => b.type === 'Table')!;
  return table.rows.map((r: { cells: Array<{ items: Array<{ text: string }> }> }) =>
    r.cells.map((c) => c.items.map((i) => i.text).join(' ')),
  );
}

describe.each(BACKENDS)('crime figures in chat (%s)', (backend) => {
  let t: TestBot;
  let officer: TeamsUser, rob: TeamsUser;
  const db = () => t.bot.ctx.db.prisma;
  const say = async (user: TeamsUser, text: string) => {
    const res = await t.post(messageActivity(text, t.options(user)));
    expect(res.status).toBeLessThan(300);
    return res.sent.filter((a) => a.type === 'message');
  };
  const ask = async (text: string, user = officer) => {
    const [reply] = await say(user, text);
    const card = reply!.attachments?.[0]?.content as Record<string, any> | undefined;
    return { reply: reply!, card, text: String(reply!.text ?? card?.fallbackText ?? ''), shown: card ? read(card) : '' };
  };
  const act = async (user: TeamsUser, verb: string, data: unknown) =>
    (await t.post(cardActionActivity(verb, data, t.options(user)))).body;
  const hateCrimeFigures = () =>
    db().figure.findMany({
      where: { metric: { key: 'hate-crime' }, periodKind: 'ROLLING_YEAR', periodEnd: new Date('2022-01-31') },
      orderBy: { version: 'asc' },
    });

  beforeAll(async () => {
    t = await startTestBot(backend);
    officer = teamsUser(t, 'Sarah Newman');
    rob = teamsUser(t, 'Rob Vale');
  });
  afterAll(async () => t?.stop());

  it('shows the crime performance table row for row as the board printed it', async () => {
    const { card, text } = await ask('crime table');
    const cells = tableCells(card!);
    expect(cells[0]).toEqual([
      'Crime type',
      'Rolling Year Jan 21',
      'Rolling Year Jan 22',
      '% Difference',
      'RAG',
    ]);
    expect(cells.slice(1).map((r) => r.slice(0, 4))).toEqual(seedTable());
    // Printed changes that disagree with their own figures are flagged, not corrected.
    expect(read(card)).toContain('Total Notifiable Offences: printed +14, but the figures give +15.3%');
    expect(read(card)).toContain('Hate Crime: printed +44, but the figures give +56.9%');
    expect(text).toContain('Total Notifiable Offences: 21,328 → 24,594, +14');
    for (const phrasing of ['show me the crime performance table', 'Crime Performance Table please'])
      expect(tableCells((await ask(phrasing)).card!)).toHaveLength(seedTable().length + 1);
  });

  it('draws the hate crime trend as a line chart, with the figures as a table where charts are not drawn', async () => {
    const { card, text } = await ask('hate crime trend');
    expect(card!.body[0].text).toBe('Hate Crime trend');
    const chart = card!.body.find((b: { type: string }) => b.type === 'Chart.Line');
    // Rolling years to January 2020, 2021 and 2022, as the Priority 4 and Priority 1 papers print them.
    expect(chart.data[0].values).toEqual([
      { x: 'Rolling Year Jan 20', y: 441 },
      { x: 'Rolling Year Jan 21', y: 513 },
      { x: 'Rolling Year Jan 22', y: 805 },
    ]);
    expect(chart.fallback.type).toBe('FactSet');
    expect(chart.fallback.facts.map((f: { value: string }) => f.value)).toEqual(['441', '513', '805']);
    expect(text).toContain('- Rolling Year Jan 22: 805');
    expect((await ask('show me a chart of burglary over time')).shown).toContain('Total Burglary trend');
  });

  it('compares knife crime with last year: figure, period, change as printed, direction, source', async () => {
    const { shown, text } = await ask('knife crime compared with last year');
    expect(shown).toContain('Knife Crime Offences compared with last year');
    expect(shown).toContain('189 offences');
    expect(shown).toContain('Rolling year to February 2022');
    expect(shown).toContain('-12.5% (as printed)');
    expect(text).toContain('Last year: no figure for the same period a year before.');
    expect(text).toContain('In the rolling year to February 2022, Bromley had 189');
  });

  it('gives the latest burglary figure with the previous year, the change, the direction and where it came from', async () => {
    const { shown, text } = await ask('latest burglary figure');
    expect(shown).toContain('1,577 offences');
    expect(shown).toContain('1,452 (Rolling Year Jan 21)');
    expect(shown).toContain('+125 (+8.6%)');
    expect(shown).toContain('Up: the wrong way for this measure');
    expect(shown).toContain('+8 (as printed)');
    expect(text).toMatch(/Source: Priority 1 paper \(27 October 2022 pack\), section 8: crime performance table\. Imported \d+ \w+ \d{4}\./);
    // Hate crime: the strategy wants more reporting, so a rise is the way it wants to go.
    expect((await ask('hate crime compared with last year')).shown).toContain(
      'Up: the way the partnership wants this measure to go',
    );
  });

  describe('an officer correcting a figure from a card', () => {
    let form: Record<string, any>;
    let save: { verb: string; data: Record<string, any> };
    const fields = {
      metric: 'hate-crime',
      period: 'Rolling Year Jan 22',
      value: '810',
      publishedChange: '+44',
      rag: 'NONE',
      reason: 'Police revision of the January count',
    };

    beforeAll(async () => {
      form = (await ask('correct the hate crime figure')).card!;
      save = executeActions(form)[0]!;
    });

    it('offers the form with the measure named already chosen', () => {
      const metric = form.body.find((b: { id?: string }) => b.id === 'metric');
      expect(metric.value).toBe('hate-crime');
      expect(metric.choices.map((c: { title: string }) => c.title)).toContain('Knife Crime Offences');
      expect(save.verb).toBe('metrics.figure.save');
    });

    it('refuses partners, forged and malformed submissions, and saves nothing', async () => {
      const { text } = await ask('correct the hate crime figure', rob);
      expect(text).toBe('Only the partnership officers can do that.');
      const refusals: Array<[TeamsUser, Record<string, unknown>, RegExp]> = [
        [rob, { ...save.data, ...fields }, /Only the partnership officers/],
        [officer, { ...save.data, ...fields, period: 'sometime last year' }, /could not read "sometime last year" as a period/],
        [officer, { ...save.data, ...fields, period: 'Rolling Year Jan 27' }, /has not ended yet/],
        [officer, { ...save.data, ...fields, value: '-5' }, /The figure cannot be negative/],
        [officer, { ...save.data, ...fields, value: '=1+1' }, /The figure must be a number/],
        [officer, { ...save.data, ...fields, reason: '' }, /The reason is missing/],
        [officer, { ...save.data, ...fields, metric: 'not-a-measure' }, /not one of this partnership/],
        [officer, { ...save.data, ...fields, approvedBy: 'chair' }, /field I don't know \("approvedBy"\)/],
        [officer, { ...fields, sentCardId: '00000000-0000-4000-8000-000000000000' }, /not one I sent you/],
      ];
      for (const [user, data, message] of refusals)
        expect(String((await act(user, save.verb, data)).value)).toMatch(message);
      expect((await hateCrimeFigures()).map((f) => Number(f.value))).toEqual([805]);
    });

    it('saves the corrected figure, keeps the earlier one as history, audits it, and answers with it', async () => {
      const saved = (await act(officer, save.verb, { ...save.data, ...fields })).value;
      expect(read(saved)).toContain('Figure corrected');
      expect(read(saved)).toContain('Hate Crime, Rolling Year Jan 22 (Bromley) is now 810, printed change +44.');
      expect(read(saved)).toContain('805, printed change +44');
      const figures = await hateCrimeFigures();
      expect(figures.map((f) => [Number(f.value), f.version, f.supersededAt !== null])).toEqual([
        [805, 1, true],
        [810, 2, false],
      ]);
      expect(figures[1]!.sourceDocument).toBe('Entered by Sarah Newman on 2022-10-20: Police revision of the January count');
      const [entry] = await db().auditEntry.findMany({ where: { action: 'figure.correct' } });
      expect(entry).toMatchObject({
        entity: 'Figure',
        entityId: figures[1]!.id,
        entityRef: 'Hate Crime (Rolling Year Jan 22)',
        actorLabel: 'Sarah Newman',
        before: { value: 805, publishedChange: '+44', version: 1 },
        after: { value: 810, publishedChange: '+44', version: 2 },
      });
      expect((await ask('latest hate crime figure', rob)).shown).toContain('810 offences');
      expect((await ask('history of hate crime')).shown).toContain('Sarah Newman');
      // The same card again is spent: nothing more changes.
      expect(String((await act(officer, save.verb, { ...save.data, ...fields, value: '999' })).value)).toMatch(/already used/);
      expect((await hateCrimeFigures()).map((f) => Number(f.value))).toEqual([805, 810]);
    });

    it('types a figure the board has not got yet, and leaves an unchanged one alone', async () => {
      const again = executeActions((await ask('enter figures')).card!)[0]!;
      const typed = { ...fields, metric: 'total-burglary', period: 'Rolling Year Sep 22', value: '1,612', publishedChange: '', reason: 'From the MPS dashboard' };
      expect(read((await act(officer, again.verb, { ...again.data, ...typed })).value)).toContain('Figure saved');
      expect((await ask('latest burglary figure')).shown).toContain('1,612 offences');
      const third = executeActions((await ask('correct a figure')).card!)[0]!;
      expect(read((await act(officer, third.verb, { ...third.data, ...typed })).value)).toContain('No change');
      expect(await db().auditEntry.count({ where: { action: 'figure.enter' } })).toBe(1);
    });
  });
});
