import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionActivity, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';
import { cardText, executeActions, teamsUser } from '../helpers/members.ts';

/** What a person reads on a card: Markdown escapes (`Morris\-Cotterill`) shown as the character. */
const read = (card: unknown) => cardText(card).replace(/\\(.)/g, '$1');

describe.each(BACKENDS)('running the partnership on %s', (backend) => {
  let t: TestBot;
  let officer: TeamsUser, rob: TeamsUser, chair: TeamsUser;
  const say = async (user: TeamsUser, text: string) =>
    t.post(messageActivity(text, t.options(user)));
  const act = async (user: TeamsUser, verb: string, data: unknown) =>
    t.post(cardActionActivity(verb, data, t.options(user)));
  const reply = async (user: TeamsUser, text: string) => (await say(user, text)).sent[0]!;
  const db = () => t.bot.ctx.db.prisma;
  const person = (name: string) =>
    db().person.findFirstOrThrow({
      where: { name },
      include: { answersFor: { include: { service: true } }, leave: true, deputy: true },
    });
  const answerers = async (service: string) =>
    (
      await db().serviceAnswerer.findMany({
        where: { service: { name: service } },
        include: { person: true },
      })
    )
      .map((a) => a.person.name)
      .sort();
  const audits = (action: string, entityRef?: string) =>
    db().auditEntry.findMany({
      where: { action, ...(entityRef ? { entityRef } : {}) },
      orderBy: { id: 'asc' },
    });

  beforeAll(async () => {
    t = await startTestBot(backend, { asOf: '2022-10-20T09:00:00Z' });
    officer = teamsUser(t, 'Sarah Newman');
    rob = teamsUser(t, 'Rob Vale');
    chair = teamsUser(t, 'Louise Watkinson');
  });
  afterAll(async () => t.stop());

  it('adds a member from a sentence, audited, who can then use the bot', async () => {
    const { text } = await reply(
      officer,
      "add Jamie O'Malley, Domestic Abuse Strategy Coordinator at LBB, jamie.omalley@example.org",
    );
    expect(text).toContain("Jamie O'Malley (London Borough of Bromley) is now a member");
    const jamie = await person("Jamie O'Malley");
    expect(jamie).toMatchObject({
      title: 'Domestic Abuse Strategy Coordinator',
      email: 'jamie.omalley@example.org',
      membership: 'MEMBER',
      roles: [],
    });
    const [entry] = await audits('member.added', "Jamie O'Malley");
    expect(entry).toMatchObject({ entity: 'Person', entityId: jamie.id, before: null });
    expect(entry!.after).toMatchObject({ email: 'jamie.omalley@example.org' });
    const user = teamsUser(t, "Jamie O'Malley", 'jamie.omalley@example.org');
    expect(read((await reply(user, 'my profile')).attachments[0].content)).toContain(
      'Domestic Abuse Strategy Coordinator',
    );
  });

  it('explains bad input and adds nobody', async () => {
    const before = await db().person.count();
    expect((await reply(officer, 'add Pat Lee, Inspector at Met Police, pat.lee@')).text).toBe(
      'The email address does not look like an email address, so nobody was added.',
    );
    expect(
      (await reply(officer, "add Jamie O'Malley, Coordinator, jamie.omalley@example.org")).text,
    ).toMatch(/already has the email jamie\.omalley@example\.org and is a member/);
    expect(await db().person.count()).toBe(before);
  });

  it('adds a member from the card form, checks its inputs, and uses each form once', async () => {
    const form = (await reply(officer, 'add a member')).attachments[0].content;
    expect(form.body.map((b: { id?: string }) => b.id).filter(Boolean)).toEqual([
      'name',
      'title',
      'organisation',
      'email',
      'role',
    ]);
    const submit = executeActions(form)[0]!;
    const fields = {
      name: 'Priya Shah',
      title: 'Inspector',
      organisation: 'Met Police',
      email: 'Priya.Shah@example.org',
      role: 'NONE',
    };
    expect(
      (await act(officer, submit.verb, { ...submit.data, ...fields, email: 'nope' })).body.value,
    ).toBe('The email address does not look like an email address, so nobody was added.');
    expect(
      (await act(officer, submit.verb, { ...submit.data, ...fields, isOfficer: 'true' })).body
        .value,
    ).toMatch(/field I don't know \("isOfficer"\)/);
    expect((await act(rob, submit.verb, { ...submit.data, ...fields })).body.value).toMatch(
      /Only the partnership officers/,
    );
    const { body } = await act(officer, submit.verb, { ...submit.data, ...fields });
    expect(read(body.value)).toContain('Priya Shah (Metropolitan Police) is now a member');
    expect(await person('Priya Shah')).toMatchObject({
      email: 'priya.shah@example.org',
      title: 'Inspector',
    });
    expect(
      (await act(officer, submit.verb, { ...submit.data, ...fields, name: 'Someone Else' })).body
        .value,
    ).toMatch(/already used/);
  });

  it('refuses a non-officer every change, and changes nothing', async () => {
    const before = await db().auditEntry.count();
    for (const text of [
      'add Pat Lee, Inspector at Met Police, pat.lee@example.org',
      'make Rob Vale chair',
      'Rob Vale now answers for Housing',
      'retire Sarah Newman, hand over to Rob Vale',
      'record attendance for 27 October: Rob Vale',
    ])
      expect((await reply(rob, text)).text, text).toMatch(
        /Only the partnership officers can do that/,
      );
    expect(await db().auditEntry.count()).toBe(before);
    expect((await person('Sarah Newman')).membership).toBe('MEMBER');
  });

  it('changes roles in words: vice-chair, and no longer clerk', async () => {
    expect((await reply(officer, 'make Ken Loyal vice-chair')).text).toBe(
      'Ken Loyal is already vice-chair; nothing changed.',
    );
    expect((await reply(officer, 'make Chris Line vice-chair')).text).toBe(
      'Chris Line is now vice-chair (it moved from Ken Loyal).',
    );
    expect((await person('Ken Loyal')).roles).toEqual([]);
    expect((await reply(officer, 'make Ken Loyal vice-chair')).text).toBe(
      'Ken Loyal is now vice-chair (it moved from Chris Line).',
    );
    expect((await reply(officer, 'Steve Wood is no longer clerk')).text).toBe(
      'Steve Wood is no longer clerk.',
    );
    expect((await person('Steve Wood')).roles).toEqual(['OFFICER']);
    const [entry] = await audits('member.roles', 'Steve Wood');
    expect(entry).toMatchObject({
      before: { roles: ['OFFICER', 'CLERK'] },
      after: { roles: ['OFFICER'] },
    });
    expect((await reply(officer, 'make Nobody Known chair')).text).toMatch(
      /I don't know a current member called "Nobody Known"/,
    );
  });

  it('records who answers for a service: by alias with a typo, or by choosing among the closest', async () => {
    expect((await reply(officer, "Jamie O'Malley now answers for trading standrads")).text).toBe(
      "Recorded: Jamie O'Malley now answers for Trading Standards. Rob Vale and Jamie O'Malley answer for Trading Standards.",
    );
    const choices = (await reply(officer, "Jamie O'Malley now answers for domestic abuse"))
      .attachments[0].content;
    expect(read(choices)).toContain('No service is called "domestic abuse"');
    const buttons = choices.body
      .filter((b: { type: string }) => b.type === 'ActionSet')
      .flatMap((b: { actions: unknown[] }) => b.actions);
    expect(buttons[0].title).toBe('Early Intervention and Family Support');
    expect((await act(rob, buttons[0].verb, buttons[0].data)).body.value).toMatch(
      /Only the partnership officers/,
    );
    const { body } = await act(officer, buttons[0].verb, buttons[0].data);
    expect(read(body.value)).toContain(
      "Recorded: Jamie O'Malley now answers for Early Intervention and Family Support.",
    );
    expect(await answerers('Early Intervention and Family Support')).toEqual([
      "Jamie O'Malley",
      'Rachel Dunley',
    ]);
    const [entry] = await audits('service.answerer.added', 'Early Intervention and Family Support');
    expect(entry).toMatchObject({
      before: { answerers: ['Rachel Dunley'] },
      after: { answerers: ['Rachel Dunley', "Jamie O'Malley"] },
    });
    expect(
      (await act(officer, buttons[0].verb, { ...buttons[0].data, choice: '9' })).body.value,
    ).toMatch(/not one the card offered/);
  });

  it('retires a member with a handover in words that leaves nothing orphaned', async () => {
    const mimi = await person('Mimi Morris-Cotterill');
    const betty = await person('Betty McDonald');
    await db().delegation.create({ data: { fromId: betty.id, toId: mimi.id } });
    const card = (await reply(officer, 'retire Mimi Morris-Cotterill, hand over to Emily Duignan'))
      .attachments[0].content;
    const text = read(card);
    expect(text).toContain('Mimi Morris-Cotterill has retired');
    expect(text).toMatch(/Emily Duignan\nPublic Health\n/);
    expect(text).toMatch(/Emily Duignan\nAction, minute 26 of 17 August 2022/);
    expect(text).toContain('Updates delegated by Betty McDonald');
    expect(text).not.toContain('Left without an owner');
    expect(await person('Mimi Morris-Cotterill')).toMatchObject({
      membership: 'RETIRED',
      roles: [],
      answersFor: [],
    });
    expect(await answerers('Public Health')).toEqual(['Emily Duignan']);
    const owners = await db().actionOwner.findMany({
      where: { action: { minute: { number: 26 }, status: 'OPEN' } },
      include: { person: true },
    });
    expect(owners.map((o) => o.person?.name)).toEqual(['Emily Duignan']);
    const update = await db().actionUpdate.findFirstOrThrow({ where: { kind: 'REASSIGN' } });
    expect(update.text).toBe(
      'Handed over from Mimi Morris-Cotterill to Emily Duignan when Mimi Morris-Cotterill retired.',
    );
    expect((await db().delegation.findFirstOrThrow({ where: { fromId: betty.id } })).toId).toBe(
      (await person('Emily Duignan')).id,
    );
    expect(await audits('member.retired', 'Mimi Morris-Cotterill')).toHaveLength(1);
    expect((await audits('service.answerer.handover', 'Public Health'))[0]).toMatchObject({
      before: { answerers: ['Mimi Morris-Cotterill'] },
      after: { answerers: ['Emily Duignan'] },
    });
  });

  it('hands a shared service over too: "retire Stuart Baker, hand over to Andy Brittain"', async () => {
    const card = (await reply(officer, 'retire Stuart Baker, hand over to Andy Brittain'))
      .attachments[0].content;
    expect(read(card)).toMatch(
      /Andy Brittain\nMet Police \(commitments [\d., ]+\)\nAndy Brittain\nSNT Police \(commitments/,
    );
    expect(read(card)).not.toContain('Left without an owner');
    expect(await answerers('Met Police')).toEqual(['Andy Brittain', 'Ken Loyal']);
    expect(await answerers('SNT Police')).toEqual(['Andy Brittain', 'Ken Loyal']);
    expect((await person('Stuart Baker')).membership).toBe('RETIRED');
  });

  it('refuses a retirement that would orphan something, and lists what is orphaned when told to', async () => {
    const refused = await reply(
      officer,
      'retire Lydia Lewinson, hand over delegations to Rob Vale',
    );
    expect(refused.text).toMatch(
      /^Nothing was changed: this would be left without an owner: Housing \(commitments [\d.]+\)\. Say who takes it over/,
    );
    expect((await person('Lydia Lewinson')).membership).toBe('MEMBER');
    const words = await reply(officer, 'retire Lydia Lewinson, hand over minute 99 to Rob Vale');
    expect(words.text).toMatch(
      /"minute 99" is not something they own\. They own: Housing\. Nothing was changed\./,
    );
    const card = (await reply(officer, 'retire Lydia Lewinson, leave unowned')).attachments[0]
      .content;
    expect(read(card)).toMatch(/Left without an owner \(1\), as you asked:\nHousing \(commitments/);
    expect(await answerers('Housing')).toEqual([]);
  });

  it('retires through the card: shows what they own, asks for successors, then confirms', async () => {
    const card = (await reply(officer, 'retire David Tait')).attachments[0].content;
    expect(read(card)).toContain('Retire David Tait?');
    expect(read(card)).toMatch(/owns 1 thing[\s\S]*Emergency Planning\nHand over to/);
    const [confirm, cancel] = executeActions(card);
    const none = await act(officer, confirm!.verb, {
      ...confirm!.data,
      'item-0': '',
      everything: '',
      leaveUnowned: 'false',
    });
    expect(none.body.value).toMatch(
      /^Nothing was changed: this would be left without an owner: Emergency Planning/,
    );
    expect((await person('David Tait')).membership).toBe('MEMBER');
    expect(
      (await act(rob, confirm!.verb, { ...confirm!.data, 'item-0': (await person('Rob Vale')).id }))
        .body.value,
    ).toMatch(/Only the partnership officers/);
    const successor = (await person('Chris Line')).id;
    const { body } = await act(officer, confirm!.verb, {
      ...confirm!.data,
      'item-0': successor,
      everything: '',
      leaveUnowned: 'false',
    });
    expect(read(body.value)).toMatch(/David Tait has retired[\s\S]*Chris Line\nEmergency Planning/);
    expect(await answerers('Emergency Planning')).toEqual(['Chris Line']);
    expect((await act(officer, cancel!.verb, cancel!.data)).body.value).toMatch(/already used/);
  });

  it('records apologies and attendance per meeting, with quoracy where a quorum is set', async () => {
    await db().partnership.updateMany({ data: { quorum: 5 } });
    const apologies = (await reply(officer, 'Chris Line sent apologies for the 27 October meeting'))
      .text;
    expect(apologies).toContain('Meeting of 27 October 2022: 0 present, 1 apologies.');
    expect(apologies).toContain('Not quorate: 0 members present; the quorum is 5.');
    const recorded = (
      await reply(
        officer,
        'record attendance for 27 October: Louise Watkinson, Ken Loyal, Sarah Newman, Rob Vale and Angela Page; apologies: Richard Baldwin',
      )
    ).text;
    expect(recorded).toContain(
      'Present: Angela Page, Ken Loyal, Louise Watkinson, Rob Vale and Sarah Newman.',
    );
    expect(recorded).toContain('Apologies: Chris Line and Richard Baldwin.');
    expect(recorded).toContain('Quorate: 5 members present; the quorum is 5.');
    const [entry] = await audits('attendance.recorded', '2022-10-27');
    expect(entry).toMatchObject({ entity: 'Attendance', after: { kind: 'APOLOGIES' } });
    expect((await reply(rob, 'I send my apologies for the 4 January meeting')).text).toContain(
      'Apologies: Rob Vale.',
    );
    expect((await reply(rob, 'attendance for 17 August 2022')).text).toMatch(
      /Meeting of 17 August 2022: 23 present, 10 also present/,
    );
    expect((await reply(officer, 'Chris Line sent apologies for 3 March')).text).toMatch(
      /There is no meeting on 3 March\. The meetings are on 26 May 2022/,
    );
  });

  it('lets members set their own leave and deputy', async () => {
    expect((await reply(rob, "I'm on leave 1–12 December, deputy Ken Loyal")).text).toBe(
      'Recorded your leave from 1 December 2022 to 12 December 2022. Ken Loyal is your deputy.',
    );
    const robRow = await person('Rob Vale');
    expect(robRow.deputy?.name).toBe('Ken Loyal');
    expect(
      robRow.leave.map((l) => [
        l.startsOn.toISOString().slice(0, 10),
        l.endsOn.toISOString().slice(0, 10),
      ]),
    ).toEqual([['2022-12-01', '2022-12-12']]);
    expect((await audits('member.deputy', 'Rob Vale'))[0]).toMatchObject({
      before: { deputyId: null },
      after: { deputyId: (await person('Ken Loyal')).id },
    });
    expect((await reply(rob, "I'm on leave 12 December to 1 December 2022")).text).toMatch(
      /would end \(1 December 2022\) before it starts \(12 December 2022\)/,
    );
    expect((await reply(rob, 'my deputy is Rob Vale')).text).toBe(
      'You cannot be your own deputy; nothing was changed.',
    );
  });

  it('shows a member their own profile, and only officers anyone else’s', async () => {
    const profile = read((await reply(rob, 'my profile')).attachments[0].content);
    for (const expected of [
      'Your profile, Rob Vale',
      'LBB Head of Commercial Regulation and Trading Standards',
      'London Borough of Bromley',
      'rob.vale@example.org',
      'Trading Standards (commitments',
      '1 December 2022 to 12 December 2022',
      'Ken Loyal',
    ])
      expect(profile).toContain(expected);
    expect((await reply(rob, 'profile of Sarah Newman')).text).toMatch(
      /You can see and change only your own profile/,
    );
    const kens = read((await reply(officer, 'profile of Ken Loyal')).attachments[0].content);
    expect(kens).toContain('Profile of Ken Loyal');
    expect(kens).toMatch(/Roles\nvice-chair/);
    expect(kens).toMatch(/Deputy for\nRob Vale/);
    expect(read((await reply(chair, 'my profile')).attachments[0].content)).toMatch(/Roles\nchair/);
    const stranger = teamsUser(t, 'Una Known', 'una.known@elsewhere.org');
    expect((await reply(stranger, 'my profile')).text).toMatch(
      /I can only help members of the partnership board/,
    );
  });
});
