import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, SCREENSHOTS } from './browser.ts';
import { startEnvironment, type Environment } from './environment.ts';

/**
 * A thin layer in the Playground's web UI (Teams' own Fluent card renderer) in Chromium: the
 * welcome card, a question typed and answered, the partner's round card filled in and
 * submitted, and the team's channel. Screenshots go to docs/screenshots/.
 */
describe('the bot in the Playground’s web UI', () => {
  let env: Environment;
  let browser: Browser;
  let page: Page;
  const lastCard = () => page.locator('.fai-OutputCard .ac-adaptiveCard').last();
  const shot = (name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
  const compose = () => page.locator('[data-lexical-editor="true"]');

  beforeAll(async () => {
    env = await startEnvironment('ui');
    const opened = await openBrowser();
    browser = opened.browser;
    page = await opened.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('opens the personal chat and shows the welcome card', async () => {
    const installed = page.waitForResponse((r) => r.url().includes('/installation') && r.request().method() === 'POST');
    await page.goto(env.url, { waitUntil: 'domcontentloaded' });
    await installed;
    const card = page.locator('.fai-OutputCard .ac-adaptiveCard', { hasText: 'Hello Rob' });
    await card.waitFor();
    await expect(card.getByRole('button', { name: 'What I owe' }).isVisible()).resolves.toBe(true);
    await shot('welcome-personal');
  });

  it('answers a question typed in the compose box with a card', async () => {
    await compose().click();
    await page.keyboard.type('What is the RAG for priority 4?');
    await page.getByRole('button', { name: 'Send Message' }).click();
    const card = page.locator('.fai-OutputCard .ac-adaptiveCard', { hasText: 'RAG for Priority 4' });
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot('rag-answer');
  });

  it('lets the partner pick Amber, write a narrative and submit; the card turns read-only', async () => {
    const c = env.client;
    const officer = c.ids.users['Sarah Newman']!;
    const since = c.mark();
    await c.sayAs(officer, c.ids.groupChat, 'open the Q3 round for priority 4, due 12 January');
    const preview = await c.botCard(since, c.ids.groupChat, 'the round preview');
    const send = (preview.card.actions as Array<Record<string, any>>).find((a) => a.title === 'Send the cards')!;
    await c.execute(c.ids.groupChat, preview.push.message.messageId, send.verb, send.data, officer);
    const card = page.locator('.fai-OutputCard .ac-adaptiveCard', { hasText: 'Q3 2022/23 update for Rob Vale' });
    await card.waitFor();
    // The first commitment Rob sets the RAG for, and the narrative box that follows it.
    const rag = card.getByRole('radiogroup', { name: 'RAG status' }).first();
    await rag.getByRole('radio', { name: 'Amber' }).check();
    const narrative = rag.locator('xpath=following::textarea[1]');
    await narrative.fill('Two rogue trader cases remain open; both are with the courts.');
    const part = narrative;
    await part.scrollIntoViewIfNeeded();
    await shot('round-card');
    await card.getByRole('button', { name: 'Submit' }).click();
    const answered = page.locator('.fai-OutputCard .ac-adaptiveCard', { hasText: 'Recorded: Q3 2022/23 update for Rob Vale' });
    await answered.waitFor();
    expect(await answered.getByRole('radio').count()).toBe(0);
    expect(await answered.getByRole('textbox').count()).toBe(0);
    await answered.scrollIntoViewIfNeeded();
    await shot('round-card-answered');
  });

  it('shows the team introduction and the digest in the team’s channels', async () => {
    await page.getByRole('treeitem', { name: /General/ }).first().click();
    const intro = page.locator('.ac-adaptiveCard', { hasText: 'has joined the team' }).first();
    await intro.waitFor();
    await shot('team-introduction');
    const c = env.client;
    const channel = c.ids.channels['Board digests']!;
    const officer = c.ids.users['Sarah Newman']!;
    const since = c.mark();
    await c.sayAs(officer, channel, 'post digests here');
    await c.botText(since, channel, 'the registration');
    await c.sayAs(officer, channel, 'publish the minutes of the 17 August meeting');
    await c.botCard(since, channel, 'the digest');
    await page.getByRole('treeitem', { name: /Board digests/ }).first().click();
    const digest = page.locator('.ac-adaptiveCard', { hasText: 'Board meeting of 17 August 2022: digest' }).first();
    await digest.waitFor();
    await digest.scrollIntoViewIfNeeded();
    await shot('channel-digest');
  });
});
