import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, messageActivity, type TeamsUser } from '../helpers/activities.ts';
import { startTestBot, type TestBot } from '../helpers/bot-harness.ts';
import { BACKENDS } from '../helpers/databases.ts';

/**
 * Questions in plain words through the real adapter, against the Safer Bromley example. Every
 * expected text is read from the seeds (../shared/seeds/), never from the bot's own output: counts
 * of RAG words per priority, the crime table, minutes 26 and 30, the Q1/Q2 update lines.
 */
const LOUISE: TeamsUser = { id: '29:louise', name: 'Louise Watkinson', aadObjectId: 'aad-louise' };
const STRANGER: TeamsUser = {
  id: '29:stranger',
  name: 'Someone Else',
  aadObjectId: 'aad-stranger',
};
const ATTENDEE: TeamsUser = { id: '29:josh', name: 'Josh King', aadObjectId: 'aad-josh' };

/** [phrasing, texts the answer (text or card) must contain]. */
const PHRASINGS: Array<[string, string[]]> = [
  // Overall RAG: the seeds' Q2 2022/23 papers; one Red (Priority 2, mapping the prevalence of VAWG).
  [
    'What is the current RAG?',
    ['Q2 2022/23', '1 Red', 'Priority 2: Violence Against Women and Girls'],
  ],
  ['current rag', ['1 Red', 'Achieved']],
  ['RAG', ['Priority 4: Stand Together Against Hate Crime and Extremism']],
  ['rag status', ['Priority 1: Safer Neighbourhoods']],
  ['how are we doing?', ['Priority 3: Keeping Young People Safe']],
  ['overall status please', ['1 Red']],
  ["what's red?", ['2.3.2', 'Red']],
  ['give me a summary', ['Needing attention']],
  ['RAG for Q2', ['Q2 2022/23']],
  // Priority 1: seven cells read Achieved / Achieved and continues / Achieved and ongoing.
  ['RAG for priority 1', ['7 Achieved', 'Safer Neighbourhoods']],
  ['priority one status', ['7 Achieved']],
  ['safer neighbourhoods', ['7 Achieved']],
  ['how is priority 1 doing', ['Achieved and continues']],
  ['p1', ['Achieved and ongoing']],
  // Priority 2: ten Green cells (one printed GREEN), five Amber, one Red.
  ['RAG for priority 2', ['10 Green', '5 Amber', '1 Red']],
  ['priority 2 rag', ['10 Green', '5 Amber', '1 Red']],
  ['Priority two', ['Violence Against Women and Girls', '1 Red']],
  ['p2', ['10 Green']],
  ['VAWG', ['Violence Against Women and Girls', '5 Amber']],
  ['vawg rag', ['1 Red']],
  ['violence against women and girls', ['10 Green']],
  ['Violence against women & girls status', ['5 Amber']],
  ['priorty 2', ['1 Red']],
  ['PRIORITY 2', ['1 Red']],
  ['how is the VAWG priority going', ['Progress Made but more to do']],
  // Priority 3.
  ['RAG for priority 3', ['Keeping Young People Safe', 'Achieved']],
  ['young people', ['Keeping Young People Safe']],
  ['keeping young people safe progress', ['Keeping Young People Safe']],
  ['p3 rag', ['Achieved']],
  // Priority 4: fifteen Achieved and the split cell ("In Process" / "Achieved").
  ['RAG for priority 4', ['15 Achieved', 'In Process']],
  ['hate crime priority', ['15 Achieved']],
  ['status of the hate crime priority', ['15 Achieved']],
  ['prioirty 4 status', ['15 Achieved']],
  ['RAG for P4', ['15 Achieved', 'split']],
  ['how is priority four doing', ['Stand Together Against Hate Crime and Extremism']],
  ['hate crime and extremism rag', ['15 Achieved']],
  // Commitments and sections (priority.section.item).
  ['status of 2.3.2', ['Red', '2.3.2']],
  ['2.3.2', ['Red']],
  ['what is the RAG for 4.8.6', ['In Process', 'Achieved', 'split']],
  ['rag for 2.4.2', ['Green', 'Progress Made but more to do']],
  ['rag for section 2.4', ['2.4.1', '2.4.3', 'Good progress made but more to do']],
  ['1.6.1 rag', ['Achieved and ongoing', 'Trading Standards']],
  ['wat is the rag for 2.1.2', ['Amber']],
  ['status of 1.1.4', ['Achieved and continues']],
  ['how is 2.3.1 doing', ['Amber']],
  // By service, partner or person.
  ['RAG for Trading Standards', ['Trading Standards', '1.6.1', 'Achieved']],
  ['how is trading standard doing', ['Trading Standards', 'Achieved']],
  ['tradng standards rag', ['Trading Standards']],
  ['RAG for Community Safety', ['Community Safety']],
  ['rag for comunity safety', ['Community Safety']],
  ['how are the police doing', ['Met Police']],
  ['RAG for Rob Vale', ['Trading Standards', '1.6.1']],
  ['RAG for Early Intervention and Family Support', ['2.3.2', 'Red']],
  ['rag for EIFS', ['Red']],
  // Figures: the Priority 1 crime performance table (rolling years to Jan 21 and Jan 22).
  ['latest hate crime figure', ['805', '513', '+44', '56.9%']],
  ['HATE CRIME FIGURE', ['805']],
  ['how many hate crimes', ['805', 'Rolling Year Jan 22']],
  ['hate crimes figures pls', ['805']],
  ["what's the latest on hate crime", ['805']],
  ['knife crime', ['189']],
  ['knif crime figures', ['189']],
  ['how many knife crimes', ['189']],
  ['how many burglaries', ['1,577', '1,452']],
  ['burgalry figures', ['1,577']],
  ['TNO', ['24,594', '21,328', '+14', '15.3%']],
  ['TNOs', ['24,594']],
  ['total notifiable offences', ['24,594']],
  ['latest TNO figure', ['24,594', '+14']],
  ['domestic abuse figures', ['2,697']],
  ['asb calls', ['7,267', '13,620']],
  ['what is the latest figure for ASB', ['7,267']],
  ['sexual offences', ['606', '496']],
  ['theft of motor vehicles', ['1,056', '950']],
  ['non-domestic violence with injury', ['1,448', '1,280']],
  ['how many rapes', ['212']],
  ['harassment figures', ['3,700']],
  // Outstanding actions: minutes 26 and 30 of 17 August 2022 (Matters Arising, 27 October).
  [
    'outstanding actions',
    ['Minute 26', 'Minute 30', 'Mimi Morris-Cotterill', 'Louise Watkinson', '64 days'],
  ],
  ['Outstanding Actions?', ['Minute 26', 'Minute 30']],
  ['open actions', ['Minute 26', 'Minute 30']],
  ['what actions are outstanding?', ['Combating Drugs Partnership', 'Task and Finish Groups']],
  ['matters arising', ['Minute 26', 'Minute 30']],
  ['outstandng actions', ['Minute 26']],
  ['which actions are still open', ['Minute 30']],
  ['actions for Mimi Morris-Cotterill', ['Minute 26', 'Combating Drugs Partnership']],
  ['actions for Morris Cotterill', ['Minute 26']],
  ["Mimi's actions", ['Minute 26']],
  ['actions for morris-cotteril', ['Minute 26']],
  ['actions for the chair', ['Minute 30', 'Task and Finish Groups']],
  ["chair's actions", ['Minute 30']],
  ['my actions', ['Minute 30']],
  ['what do I need to do', ['Minute 30']],
  ['actions for Louise Watkinson', ['Minute 30']],
  ["what's overdue", ['none']],
  ['overdue actions', ['none']],
  // What partners reported (Q1 and Q2 2022/23 lines of the papers).
  ['What did Trading Standards say in Q2?', ['248 enquiries']],
  ['what did trading standard say in quarter 2', ['248 enquiries']],
  ['what did trading standards say in Q1', ['233 enquiries']],
  ['What did Trading Standards report about 1.6.1 in Q1?', ['233 enquiries', '505,804.50']],
  ['Q2 update from community safety', ['Q2 2022/23', 'Community Safety']],
  ['what did community safety say about 1.1.3 in Q2', ['3 CIDs in Q2']],
  ['what did community safety say about 1.1.3 in Q1', ['3 CIDs in Q1']],
  ['what did SNT police say about 4.2.1', ['additional training in identifying hate crime']],
  ['what did community coordination say', ['3rd party hate crime specialists']],
  ['What did the YJS say in Q2', ['Q2 Updates not provided']],
  ['what did housing say', ['Sanctuary']],
  ['what did Rob Vale say about 1.6.1', ['248 enquiries']],
  ['updates on 2.3.2', ['MARAC']],
  // Who is who.
  ['who is the chair', ['Louise Watkinson']],
  ['WHO IS THE CHAIR', ['Louise Watkinson']],
  ["who's the vice chair", ['Ken Loyal']],
  ['who chairs the board', ['Louise Watkinson']],
  ['who is the clerk', ['Steve Wood']],
  ['who are the officers', ['Sarah Newman', 'Steve Wood']],
  ['who answers for Trading Standards', ['Rob Vale']],
  ['who answers for SNT police', ['Ken Loyal', 'Stuart Baker']],
  ['who is responsible for the youth justice service', ['Betty McDonald']],
  ['who leads on public health', ['Mimi Morris-Cotterill']],
  ['who is Rob Vale', ['LBB Head of Commercial Regulation and Trading Standards']],
  ['who is rob vail', ['Rob Vale']],
  ['tell me about Ken Loyal', ['MET Police', 'Vice-Chair']],
  ['Mimi Morris Cotterill', ['LBB Assistant Director: Public Health']],
  ['who are the members', ['Louise Watkinson', 'Teresa Bell', 'Lucien Spencer']],
  ['who is on the board', ['Chan Farooqui']],
  // The next meeting after 20 October 2022 (the agenda pack: 27 October 2022, 10.30 am).
  [
    'when is the next meeting',
    ['27 October 2022', '10:30', 'Council Chamber, Bromley Civic Centre'],
  ],
  ['Next Meeting?', ['27 October 2022']],
  ['when do we meet next?', ['27 October 2022']],
  ['date of next board meeting', ['27 October 2022']],
  ['upcoming meetings', ['MATTERS ARISING']],
  // Help, and what it does not know.
  ['help', ['What is the current RAG?']],
  ['hi', ['When is the next meeting?']],
  ['what can you do?', ['Outstanding actions']],
  ['what is the weather', ["I don't know that yet"]],
  ['tell me a joke', ["I don't know that yet"]],
  ['RAG for priority 9', ['no commitments under priority 9']],
  // Ambiguous: a card of choices.
  ['hate crime', ['Latest Hate Crime figure', 'RAG for priority 4', 'queries.ask']],
  ['Baldwin', ['Richard Baldwin', 'Sharon Baldwin', 'queries.ask']],
  ['who is Baker', ['Stuart Baker', 'Cheryl Baker']],
  ['what did the Baldwins say', ['Richard Baldwin', 'Sharon Baldwin']],
  ['trading standards', ['RAG for Trading Standards', 'Who answers for Trading Standards?']],
  ['community', ['Community Safety', 'Community Coordination']],
  [
    'what are the latest crime figures',
    ['Latest Hate Crime figure', 'Latest Total Notifiable Offences figure'],
  ],
];

interface Reply {
  text: string;
  card?: Record<string, unknown>;
  all: string;
}

function replyOf(sent: Array<Record<string, any>>): Reply[] {
  return sent
    .filter((a) => a.type === 'message')
    .map((a) => {
      const card = a.attachments?.[0]?.content as Record<string, unknown> | undefined;
      return {
        text: String(a.text ?? card?.fallbackText ?? ''),
        ...(card ? { card } : {}),
        all: `${a.text ?? ''}\n${card ? JSON.stringify(card) : ''}`,
      };
    });
}

describe.each(BACKENDS)('questions in plain words (%s)', (backend) => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot(backend);
    const member = (u: TeamsUser, email: string) =>
      bot.connector.members.set(u.id, {
        id: u.id,
        name: u.name,
        aadObjectId: u.aadObjectId,
        email,
        userPrincipalName: email,
      });
    member(LOUISE, 'louise.watkinson@example.org');
    member(STRANGER, 'someone.else@example.com');
    member(ATTENDEE, 'josh.king@example.org');
  });

  afterAll(async () => {
    await bot?.stop();
  });

  async function ask(
    text: string,
    from = LOUISE,
    extra: Record<string, unknown> = {},
  ): Promise<Reply[]> {
    const result = await bot.post({ ...messageActivity(text, bot.options(from)), ...extra });
    expect(result.status).toBeLessThan(300);
    return replyOf(result.sent);
  }

  it(`has at least 100 phrasings (${PHRASINGS.length})`, () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(PHRASINGS)('%s', async (question, expected) => {
    const replies = await ask(question);
    expect(replies).toHaveLength(1);
    for (const text of expected) expect(replies[0]!.all).toContain(text);
  });

  it('answers with a card and a plain-text fallback, RAG words included', async () => {
    const [reply] = await ask('RAG for priority 2');
    expect(reply!.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(reply!.text).toContain('Red as at Q2 2022/23');
    expect(JSON.stringify(reply!.card)).toContain('Red as at Q2 2022/23, reported by');
  });

  it('flags a printed change that disagrees with its own figures, and keeps both', async () => {
    const [reply] = await ask('latest hate crime figure');
    expect(reply!.text).toMatch(/print \+44.*513 → 805 is \+56\.9%/);
  });

  it('gives an ambiguous question a card of choices that ask again when chosen', async () => {
    const [choices] = await ask('hate crime');
    const actions = JSON.stringify(choices!.card);
    expect(actions).toContain('Action.Submit');
    expect(actions).toContain('"verb":"queries.ask"');
    const chosen = await ask('Latest Hate Crime figure', LOUISE, {
      value: { verb: 'queries.ask', question: 'Latest Hate Crime figure' },
    });
    expect(chosen[0]!.all).toContain('805');
  });

  it('refuses a stranger politely, with no partnership data', async () => {
    for (const question of [
      'RAG for priority 2',
      'latest hate crime figure',
      'outstanding actions',
      'who is the chair',
      'Baldwin',
    ]) {
      const [reply] = await ask(question, STRANGER);
      expect(reply!.text).toContain('I can only help members of the partnership board');
      expect(reply!.card).toBeUndefined();
      expect(reply!.all).not.toMatch(/805|Minute 26|Red|Violence Against Women/);
    }
  });

  it('gives a stranger general help, with no partnership data', async () => {
    const [reply] = await ask('help', STRANGER);
    expect(reply!.text).toContain('What is the current RAG?');
    expect(reply!.card).toBeUndefined();
  });

  it('refuses someone who only attended a meeting', async () => {
    const [reply] = await ask('outstanding actions', ATTENDEE);
    expect(reply!.text).toContain('I can only help members of the partnership board');
    expect(reply!.all).not.toContain('Minute');
  });

  const channel = { id: '19:board-channel@thread.tacv2', conversationType: 'channel' as const };
  it('stays silent in a channel unless @mentioned', async () => {
    const replies = await ask('RAG for priority 2', LOUISE, {
      conversation: { ...channel, tenantId: undefined },
    });
    expect(replies).toHaveLength(0);
  });

  it('answers in a channel when @mentioned', async () => {
    const mention = {
      type: 'mention',
      mentioned: { id: BOT_ID, name: 'Partnership Board' },
      text: '<at>Partnership Board</at>',
    };
    const activity = messageActivity(
      '<at>Partnership Board</at> RAG for priority 2',
      bot.options(LOUISE, { conversation: channel }),
    );
    const result = await bot.post({ ...activity, entities: [mention] });
    const [reply] = replyOf(result.sent);
    expect(reply!.all).toContain('10 Green');
  });

  it('answers a choice chosen from its card in a channel without a new @mention', async () => {
    const activity = messageActivity(
      'RAG for priority 4',
      bot.options(LOUISE, { conversation: channel }),
    );
    const result = await bot.post({
      ...activity,
      value: { verb: 'queries.ask', question: 'RAG for priority 4' },
    });
    expect(replyOf(result.sent)[0]!.all).toContain('15 Achieved');
  });

  it('counts an action overdue once its meeting has passed', async () => {
    const before = bot.clock.now();
    bot.clock.set('2022-11-01T09:00:00Z');
    try {
      const [reply] = await ask('overdue actions');
      expect(reply!.all).toContain('Minute 26');
      expect(reply!.all).toContain('Minute 30');
      expect(reply!.all).toContain('76 days');
    } finally {
      bot.clock.set(before);
    }
  });
});
