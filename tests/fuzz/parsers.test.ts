import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain-error.ts';
import { ActionCardSubmitSchema, RecordMinutesSchema } from '../../src/features/meetings/meetings.schemas.ts';
import { parseMeetingCommand } from '../../src/features/meetings/meetings.commands.ts';
import { parseAddSubmission, parsePick, parseRetireSubmission } from '../../src/features/members/members.schemas.ts';
import { parseMemberCommand } from '../../src/features/members/members.commands.ts';
import { parsePrivacyCommand } from '../../src/features/privacy/privacy.commands.ts';
import { parseFigureSubmission } from '../../src/features/metrics/figure-form.schemas.ts';
import { parseFigureCommand } from '../../src/features/metrics/metrics.commands.ts';
import { sentFiles } from '../../src/features/metrics/sent-file.ts';
import { parseRoundCommand } from '../../src/features/rounds/rounds.commands.ts';
import { parseCardId, parseSubmission } from '../../src/features/rounds/rounds.schemas.ts';
import { parsePartnershipText, PartnershipFileError } from '../../src/features/partnership-file/partnership-file.read.ts';
import { escapeCardText } from '../../src/cards/escape.ts';
import { hostileText, hostileValue } from './hostile.ts';

const RUNS = { numRuns: 400, seed: 20221020 };
const NOW = new Date('2022-10-20T09:00:00Z');
const CARD_ID = '8d7d8f0e-0000-4000-8000-000000000000';

/** Card data as a client could send it: a real-looking card id with hostile fields, or anything at all. */
const cardData = fc.oneof(
  hostileValue,
  fc.dictionary(fc.oneof(hostileText, fc.constantFrom('mode-4.1.1', 'rag-4.1.1', 'narrative-4.1.1', 'item-0', 'choice', 'email', 'name', 'msteams')), hostileValue, { maxKeys: 6 }).map((d) => ({ sentCardId: CARD_ID, ...d })),
);

/** Either parses or refuses with a DomainError carrying a message for the user: never anything else. */
function refusesClearly(parse: (data: unknown) => unknown) {
  return (data: unknown) => {
    try {
      parse(data);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).userMessage.length).toBeGreaterThan(10);
      expect((error as DomainError).userMessage.length).toBeLessThan(600);
    }
  };
}

describe('card data from hostile clients', () => {
  it.each([
    ['round.submit', parseSubmission],
    ['round.edit / confirmOpen / cancelOpen', parseCardId],
    ['member.add', parseAddSubmission],
    ['member.answersPick', parsePick],
    ['member.retire', parseRetireSubmission],
    ['metrics.figure.save', parseFigureSubmission],
    ['a file sent in chat (attachments)', (d: unknown) => sentFiles([{ contentType: 'application/vnd.microsoft.teams.file.download.info', ...(d as object) }])],
  ])('%s: parses or refuses clearly', (_verb, parse) => {
    fc.assert(fc.property(cardData, refusesClearly(parse as (d: unknown) => unknown)), RUNS);
  });

  it('round.submit never accepts a narrative over the limit, a field it does not know, or a wrong type', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText.filter((k) => !/^(mode|rag|narrative|support|boardOnly)-\d+\.\d+\.\d+(\.\d+)?$|^sentCardId$|^msteams$/.test(k)), hostileValue, { minKeys: 1, maxKeys: 4 }), (extra) => {
        expect(() => parseSubmission({ sentCardId: CARD_ID, ...extra })).toThrow(DomainError);
      }),
      RUNS,
    );
  });

  it('the meetings cards (action.update, action.proposeClose, minutes.record) validate with zod, never throwing', () => {
    fc.assert(
      fc.property(cardData, (data) => {
        expect(typeof ActionCardSubmitSchema.safeParse(data).success).toBe('boolean');
        expect(typeof RecordMinutesSchema.safeParse(data).success).toBe('boolean');
      }),
      RUNS,
    );
  });
});

describe('chat commands from hostile text', () => {
  it('every command parser answers or passes, within a moment, whatever it is given', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('', 'update 4.1.1: ', 'open the Q3 round for ', 'retire ', 'history of ', 'export data about ', 'remove ', 'action for ', 'correct the ', 'enter '), (text, prefix) => {
        const said = prefix + text;
        const started = performance.now();
        for (const parse of [(t: string) => parseRoundCommand(t, NOW), parseMemberCommand, parseMeetingCommand, parsePrivacyCommand, parseFigureCommand]) parse(said);
        expect(performance.now() - started).toBeLessThan(250);
      }),
      RUNS,
    );
  });
});

describe('partnership files from hostile text', () => {
  it('reads or refuses with the file named and a located reason', () => {
    const doc = fc.oneof(hostileText, fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), fc.jsonValue({ maxDepth: 3 }).map((v) => `partnership:\n  slug: x\n  name: ${JSON.stringify(v)}\npeople: ${JSON.stringify(v)}\n`));
    fc.assert(
      fc.property(doc, (text) => {
        try {
          parsePartnershipText(text, 'hostile.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(PartnershipFileError);
          expect((error as Error).message).toContain('hostile.yaml');
        }
      }),
      { ...RUNS, numRuns: 300 },
    );
  });
});

describe('escaping user text shown again', () => {
  it('leaves no live link, mention, emphasis, template expression, control or bidi character', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = escapeCardText(text);
        expect(out).not.toMatch(/<at>|(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)\*\*|\$\{|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });
});
