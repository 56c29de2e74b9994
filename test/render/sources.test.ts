/**
 * Corpus management answers on Discord: whatever titles, names, URLs and
 * file names they hold, every page fits every Discord limit and nothing in
 * them can ping anyone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, SourceOrigin } from '../../src/answers/sources.ts';
import type { Answer } from '../../src/answers/types.ts';
import { renderAnswer, toMessage } from '../../src/render/discord.ts';
import { renderText } from '../../src/render/text.ts';
import { limitViolations } from '../support/discord-limits.ts';
import { text } from './arbitraries.ts';

const nonEmpty = (parts: number) => text(parts).map((t) => t || 'x');
const counts = fc.record({
  documents: fc.nat(),
  sentences: fc.nat(),
  statements: fc.nat(),
  speakers: fc.nat(),
});
const url = fc.oneof(fc.webUrl(), nonEmpty(20));
const origin: fc.Arbitrary<SourceOrigin> = fc.oneof(
  fc.record({ kind: fc.constant('url' as const), url, finalUrl: url }),
  fc.record({ kind: fc.constant('attachment' as const), name: nonEmpty(10), url }),
);
const person = fc.record({ id: fc.string(), username: nonEmpty(8) });
const when = fc.oneof(fc.constant('2024-03-14T10:00:00.000Z'), fc.string());

const documentSummary: fc.Arbitrary<DocumentSummary> = fc.record({
  id: nonEmpty(10),
  file: nonEmpty(10),
  title: nonEmpty(60),
  published: fc.option(nonEmpty(3), { nil: undefined }),
  publisher: fc.option(nonEmpty(10), { nil: undefined }),
  author: fc.option(nonEmpty(10), { nil: undefined }),
  url: fc.option(url, { nil: undefined }),
  paragraphs: fc.nat(),
  sentences: fc.nat(),
  statements: fc.nat(),
  denials: fc.nat(),
  speakers: fc.array(
    fc.record({
      name: nonEmpty(10),
      country: fc.option(fc.constantFrom('RU', 'SE', 'XX'), { nil: null }),
      statements: fc.nat(),
      described: fc.boolean(),
    }),
    { maxLength: 40 },
  ),
  warnings: fc.array(nonEmpty(20), { maxLength: 5 }),
});

const note = fc.record({
  id: nonEmpty(10),
  title: nonEmpty(40),
  published: fc.option(nonEmpty(3), { nil: undefined }),
  statements: fc.nat(),
  speakers: fc.nat(),
});

const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    type: fc.constant('documents' as const),
    file: nonEmpty(10),
    documents: fc.array(documentSummary, { maxLength: 12 }),
    skipped: fc.option(fc.record({ file: nonEmpty(10), reason: nonEmpty(40) }), { nil: null }),
  }),
  fc.record({
    type: fc.constant('source-change' as const),
    action: fc.constantFrom('added' as const, 'replaced' as const, 'removed' as const),
    file: nonEmpty(20),
    origin: fc.option(origin, { nil: null }),
    by: person,
    documents: fc.array(documentSummary, { maxLength: 12 }),
    reload: fc.record({ ms: fc.nat(), before: counts, after: counts }),
    warnings: fc.array(nonEmpty(30), { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('sources' as const),
    sources: fc.array(
      fc.record({
        file: nonEmpty(20),
        origin,
        addedBy: person,
        addedAt: when,
        documents: fc.array(note, { maxLength: 3 }),
        missing: fc.boolean(),
      }),
      { maxLength: 40 },
    ),
    removed: fc.array(
      fc.record({ file: nonEmpty(20), title: fc.option(nonEmpty(20), { nil: null }), by: person, at: when }),
      { maxLength: 5 },
    ),
    untracked: fc.array(nonEmpty(10), { maxLength: 20 }),
    unreadable: fc.nat(),
  }),
);

describe('corpus management answers', () => {
  it('fit every Discord limit on every page, and ping no one', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const pages = renderAnswer(a);
        expect(pages.length).toBeGreaterThan(0);
        pages.forEach((page, index) => {
          const message = toMessage(page, { session: 'AbCdEfGh', index, total: pages.length });
          expect(limitViolations(message)).toEqual([]);
          expect(message.allowedMentions).toEqual({ parse: [] });
        });
        expect(typeof renderText(a)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
