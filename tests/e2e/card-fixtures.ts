import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARDS_DIR, renderTemplate, type CardJson } from '../../src/cards/card-templates.ts';
import { renderPersonalWelcome, renderTeamWelcome } from '../../src/features/welcome/welcome.cards.ts';
import { QUERIES_CARD_FIXTURES } from '../unit/cards/queries-card-fixtures.ts';

const FIXTURE_DIR = join(CARDS_DIR, '..', 'tests', 'fixtures', 'cards');

/** Every card template (`cards/*.json`), by name. */
export const TEMPLATES = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** Cards made through their typed render functions, where the feature's own data shape is worth showing. */
const RENDERED: Record<string, () => CardJson> = {
  ...QUERIES_CARD_FIXTURES,
  'welcome-personal': () =>
    renderPersonalWelcome({
      firstName: 'Louise',
      services: [],
      actions: [
        { minute: 'Minute 30 (17 August 2022)', text: 'A further update on the Bromley Community Safety Partnership Strategy 2020-23 to be brought to the next meeting.', due: '27 October 2022', overdue: false },
        { minute: 'Minute 26 (17 August 2022)', text: 'Invite partners who have not yet received an invitation.', due: '1 October 2022', overdue: true },
      ],
      owed: { periodLabel: 'Q3 2022/23', due: '2023-01-12', refs: ['1.1.1', '4.7.1'] },
    }).content,
  'welcome-team': () => renderTeamWelcome('Partnership Board').content,
};

/**
 * The card a template makes with realistic data: its render function where one is listed above,
 * else its data file in tests/fixtures/cards/. A template with neither has no fixture: the card
 * tests fail on it, so every new template gets one.
 */
export function fixtureCard(name: string): CardJson | undefined {
  const rendered = RENDERED[name];
  if (rendered) return rendered();
  const file = join(FIXTURE_DIR, `${name}.json`);
  if (!existsSync(file)) return undefined;
  return renderTemplate(name, JSON.parse(readFileSync(file, 'utf8')) as object);
}
