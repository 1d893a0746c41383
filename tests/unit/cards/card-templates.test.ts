import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { CARDS_DIR, loadTemplate, renderTemplate } from '../../../src/cards/card-templates.ts';
import { QUERIES_CARD_FIXTURES } from './queries-card-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TEMPLATES = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** Every feature's VERBS constant (`src/features/<feature>/*.schemas.ts`): the verbs a card may use. */
async function knownVerbs(): Promise<Set<string>> {
  const features = join(ROOT, 'src', 'features');
  const verbs = new Set<string>();
  for (const entry of readdirSync(features, { withFileTypes: true }).filter((e) =>
    e.isDirectory(),
  )) {
    const dir = join(features, entry.name);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.schemas.ts'))) {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
        VERBS?: Record<string, string>;
      };
      for (const verb of Object.values(mod.VERBS ?? {})) verbs.add(verb);
    }
  }
  return verbs;
}
const KNOWN_VERBS = await knownVerbs();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function walk(node: Json, visit: (o: { [key: string]: Json }) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

/** Action.Execute verbs and Action.Submit `data.verb`s. */
function verbsIn(card: Json): string[] {
  const found: string[] = [];
  walk(card, (o) => {
    if (o.type === 'Action.Execute' && typeof o.verb === 'string') found.push(o.verb);
    const data = o.data;
    if (
      o.type === 'Action.Submit' &&
      data &&
      typeof data === 'object' &&
      !Array.isArray(data) &&
      typeof data.verb === 'string'
    )
      found.push(data.verb);
  });
  return found;
}

/** Teams' chart elements are allowed where they carry a fallback; the fallback is what must parse. */
function withChartFallbacks(card: Json): Json {
  if (Array.isArray(card)) return card.map(withChartFallbacks);
  if (!card || typeof card !== 'object') return card;
  if (typeof card.type === 'string' && card.type.startsWith('Chart.')) {
    expect(card.fallback, `${card.type} needs a fallback`).toBeTypeOf('object');
    return withChartFallbacks(card.fallback as Json);
  }
  return Object.fromEntries(Object.entries(card).map(([k, v]) => [k, withChartFallbacks(v)]));
}

/** Parses with the official adaptivecards package; returns its warnings and errors. */
function parseEvents(card: Json): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(withChartFallbacks(card) as object, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

describe.each(TEMPLATES)('cards/%s.json', (name) => {
  const template = JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')) as Json & {
    [key: string]: Json;
  };

  it('is an Adaptive Card 1.5 with a schema', () => {
    expect(template.type).toBe('AdaptiveCard');
    expect(template.version).toBe('1.5');
    expect(template.$schema).toMatch(/adaptive-card\.json$/);
  });

  it('parses with the adaptivecards package without warnings', () => {
    // A property bound to data ("color": "${color}") is only a value once expanded: the
    // expanded fixture below must parse cleanly instead.
    const bound = /^Invalid value "\$\{[^"]*\}" for property/;
    expect(parseEvents(template).filter((m) => !bound.test(m))).toEqual([]);
  });

  it('uses only known verbs', () => {
    for (const verb of verbsIn(template).filter((v) => !v.includes('${')))
      expect(KNOWN_VERBS, verb).toContain(verb);
  });

  const fixture = QUERIES_CARD_FIXTURES[name] ?? fixtureFile(name);
  if (!fixture) {
    // A template nobody has expanded in a test is a card nobody has seen: give it fixture data.
    it('has fixture data', () => {
      expect.fail(`add tests/fixtures/cards/${name}.json with the data its render function passes`);
    });
    return;
  }
  it('expands with fixture data, leaving no ${ and parsing cleanly', () => {
    const card = typeof fixture === 'function' ? fixture() : renderTemplate(name, fixture);
    const text = JSON.stringify(card);
    expect(text).not.toContain('${');
    expect(parseEvents(card as Json)).toEqual([]);
    for (const verb of verbsIn(card as Json)) expect(KNOWN_VERBS, verb).toContain(verb);
  });
});

function fixtureFile(name: string): object | undefined {
  const path = join(ROOT, 'tests', 'fixtures', 'cards', `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as object) : undefined;
}

describe('card-templates', () => {
  it('caches a template once read', () => {
    expect(loadTemplate('queries-choices')).toBe(loadTemplate('queries-choices'));
  });

  it('refuses names that are not template names', () => {
    expect(() => loadTemplate('../package')).toThrow(/Not a card template name/);
  });

  it('leaves the template itself untouched when expanding', () => {
    const before = JSON.stringify(loadTemplate('queries-choices'));
    renderTemplate('queries-choices', {
      prompt: 'Which?',
      choices: [{ label: 'A', question: 'a' }],
    });
    expect(JSON.stringify(loadTemplate('queries-choices'))).toBe(before);
  });
});
