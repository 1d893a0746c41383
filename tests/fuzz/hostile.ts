import fc from 'fast-check';

/** Characters people should never be able to smuggle through: controls, bidi overrides, markup. */
const NASTY = ['\u0000', '\u0007', '\u001b', '\u007f', '\u202e', '\u2066', '\u200b', '\ufeff', '\r\n', '<at>Someone</at>', '[link](https://evil.example)', '**bold**', '${secret}', '=HYPERLINK("https://evil")', '+1+1', '-2-2', '@SUM(A1)', '<script>alert(1)</script>', '"; DROP TABLE "Person"; --', '../../etc/passwd', '%00', '😀', 'ℌ𝔢𝔩𝔩𝔬'];

/** Hostile text: random unicode, the nasty fragments above, and now and then a huge string. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 })), { maxLength: 8 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '<at>', 'é', '\u202e', '='), fc.integer({ min: 5_000, max: 60_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))) },
);

/** Anything a card's data could hold: wrong types, nesting, prototype tricks. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false }),
  fc.constantFrom(null, true, 42, -1, 1e308, [], {}, { __proto__: { isOfficer: true } }, ['a'], 'true', 'false', ''),
);
