import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * The templating engine, loaded without its type declarations: they import the adaptivecards
 * sources (.ts), which a strict NodeNext typecheck rejects. This is all of it the project uses.
 */
interface TemplateEngine {
  Template: new (payload: object) => { expand(context: { $root: object }): unknown };
}
const { Template } = createRequire(import.meta.url)('adaptivecards-templating') as TemplateEngine;

/** The project-root `cards/` folder: templates are read at run time, never copied into a build. */
export const CARDS_DIR = resolve(import.meta.dirname, '..', '..', 'cards');

/** An Adaptive Card as JSON, ready to send as an attachment. */
export type CardJson = Record<string, unknown>;

const cache = new Map<string, object>();

/** Reads a template (`queries-rag` → `cards/queries-rag.json`) once per process. */
export function loadTemplate(name: string): object {
  const cached = cache.get(name);
  if (cached) return cached;
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Not a card template name: ${name}`);
  const json = JSON.parse(readFileSync(resolve(CARDS_DIR, `${name}.json`), 'utf8')) as object;
  cache.set(name, json);
  return json;
}

type PreparedTemplate = InstanceType<TemplateEngine['Template']>;
const prepared = new Map<string, PreparedTemplate>();

/**
 * Expands a template with its data (`${...}` bound to `$root`) into the card to send. Building a
 * Template parses every `${...}` in it (antlr, adaptive expressions), the dearest part of a render:
 * each is built once and reused, as `expand` keeps no state between calls and runs synchronously.
 */
export function renderTemplate(name: string, data: object): CardJson {
  let template = prepared.get(name);
  if (!template) {
    template = new Template(loadTemplate(name));
    prepared.set(name, template);
  }
  return template.expand({ $root: data }) as CardJson;
}

/** The attachment a card travels in. */
export function cardAttachment(card: CardJson): { contentType: string; content: CardJson } {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
