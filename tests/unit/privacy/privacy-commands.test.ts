import { describe, expect, it } from 'vitest';
import { parsePrivacyCommand } from '../../../src/features/privacy/privacy.commands.ts';
import { describeChanges } from '../../../src/features/privacy/privacy-history.service.ts';
import { exportMessages, inertJson } from '../../../src/features/privacy/privacy-export.service.ts';

describe('privacy commands', () => {
  it.each([
    ['history of 2.3.1', { kind: 'history', ref: '2.3.1' }],
    ['Show the audit trail for minute 26?', { kind: 'history', ref: 'minute 26' }],
    ['export data about Rob Vale', { kind: 'export', person: 'Rob Vale' }],
    ['subject access request for Rob Vale', { kind: 'export', person: 'Rob Vale' }],
    ['remove Rob Vale, hand over Trading Standards to Stuart Baker, leave unowned', { kind: 'remove', person: 'Rob Vale', handover: [{ what: 'Trading Standards', to: 'Stuart Baker' }, {}] }],
    ['purge old narratives', { kind: 'purge' }],
    ['keep narratives for 24 months', { kind: 'retention', months: 24 }],
    ['keep narratives forever', { kind: 'retention', months: null }],
  ])('reads "%s"', (text, command) => expect(parsePrivacyCommand(text)).toEqual(command));

  it.each(['remove my deputy', 'download the board pack', 'what is the RAG of 2.3.1?', 'export', 'history'])('leaves "%s" to other features', (text) =>
    expect(parsePrivacyCommand(text)).toBeUndefined(),
  );
});

describe('history lines', () => {
  it('shows what changed, old → new, and says where retention removed the words', () => {
    expect(describeChanges({ text: 'Old', version: 1, kind: 'UPDATE' }, { text: '[purged]', version: 2, kind: 'UPDATE' })).toEqual([
      'text: "Old" → [purged under the retention policy]',
      'version: 1 → 2',
    ]);
    expect(describeChanges(null, { words: ['Amber'] })).toEqual(['words: ["Amber"]']);
  });
});

describe('the subject access document', () => {
  it('is the same JSON with nothing in it that could become markup, a mention or the end of a code block', () => {
    const doc = { narrative: 'See <at>Someone</at> & ```json\n``` [x](y)' };
    const json = inertJson(doc);
    expect(json).not.toMatch(/[<>&`]/);
    expect(JSON.parse(json)).toEqual(doc);
    const parts = exportMessages('f.json', json, 10);
    expect(parts[0]).toMatch(/^f\.json \(part 1 of \d+\):\n```json\n/);
    expect(parts.map((p) => /```json\n([\s\S]*)\n```$/.exec(p)![1]).join('')).toBe(json);
  });
});
