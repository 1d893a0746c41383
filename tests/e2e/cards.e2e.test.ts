import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, SCREENSHOTS } from './browser.ts';
import { fixtureCard, TEMPLATES } from './card-fixtures.ts';

const PAGE = pathToFileURL(resolve(import.meta.dirname, 'cards-page.html')).href;
const OUT = resolve(SCREENSHOTS, 'cards');

/** Light and dark at a Teams chat width; narrow as on a phone. */
const VIEWS = [
  { name: 'light', theme: 'light', width: 520 },
  { name: 'dark', theme: 'dark', width: 520 },
  { name: 'narrow', theme: 'light', width: 340 },
] as const;

/** What cards-page.html's renderCard answers. */
interface RenderResult {
  events: string[];
  height: number;
  text: string;
  wider: boolean;
  clipped: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Teams' chart elements show their fallback in any other renderer; render that, as such hosts do. */
function chartsAsFallbacks(card: Json): Json {
  if (Array.isArray(card)) return card.map(chartsAsFallbacks);
  if (!card || typeof card !== 'object') return card;
  if (typeof card.type === 'string' && card.type.startsWith('Chart.')) return chartsAsFallbacks(card.fallback as Json);
  return Object.fromEntries(Object.entries(card).map(([k, v]) => [k, chartsAsFallbacks(v)]));
}

/**
 * Every card template, expanded with fixture data and rendered by the `adaptivecards` package in
 * Chromium, light, dark and narrow: it parses cleanly, shows no unexpanded `${`, nothing spills
 * sideways or cuts a button off, and each view is screenshotted into docs/screenshots/cards/ to be looked at.
 */
describe('card templates rendered in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const opened = await openBrowser({ width: 560, height: 400 });
    browser = opened.browser;
    page = await opened.context.newPage();
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction('typeof renderCard === "function"');
  });
  afterAll(async () => browser?.close());

  it.each(TEMPLATES)('%s renders cleanly in light, dark and narrow views', async (name) => {
    const card = fixtureCard(name);
    expect(card, `no fixture for cards/${name}.json: add tests/fixtures/cards/${name}.json or a render in tests/e2e/card-fixtures.ts`).toBeDefined();
    for (const view of VIEWS) {
      await page.setViewportSize({ width: view.width + 32, height: 400 });
      const result = await page.evaluate<RenderResult, [unknown, string]>(
        ([json, theme]) => (globalThis as unknown as { renderCard(c: unknown, t: string): RenderResult }).renderCard(json, theme),
        [chartsAsFallbacks(card as Json), view.theme],
      );
      expect(result.events, `${name} (${view.name}) parse warnings`).toEqual([]);
      expect(result.height, `${name} (${view.name}) rendered height`).toBeGreaterThan(20);
      expect(result.text).not.toContain('${');
      expect(result.wider, `${name} (${view.name}) is wider than the view`).toBe(false);
      expect(result.clipped, `${name} (${view.name}) buttons cut off at the card's edge`).toEqual([]);
      await page.locator('#card').screenshot({ path: resolve(OUT, `${name}-${view.name}.png`) });
    }
  });
});
