/**
 * Claim–denial links (src/claims/) on the real attribution engine: the seed
 * articles, and small articles of other countries and shapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerClaimsAbout, answerDeny } from '../../src/answers/answer.ts';
import type { ClaimInfo } from '../../src/answers/types.ts';
import { extractStatements } from '../../src/attribution/index.ts';
import { claimAnswered, claimsAbout } from '../../src/claims/corpus.ts';
import { parseDocument, withId } from '../../src/corpus/load.ts';
import { buildCorpus, type Corpus } from '../../src/engine/corpus.ts';
import { readCorpus } from '../../src/engine/service.ts';
import type { CorpusDocument } from '../../src/model.ts';
import { SEED_CORPUS } from '../support/harness.ts';

function corpusOf(files: Record<string, string>): Corpus {
  const documents: CorpusDocument[] = Object.entries(files).map(([file, text]) => {
    const parsed = parseDocument(file, new TextEncoder().encode(text));
    if ('reason' in parsed) throw new Error(parsed.reason);
    return withId(parsed, file.replace(/\.\w+$/, ''));
  });
  return buildCorpus({ documents, skipped: [] }, extractStatements, new Date());
}

function linksOf(corpus: Corpus) {
  return corpus.statements.flatMap((s, i) => {
    if (!s.denial) return [];
    const claim = claimAnswered(corpus, i);
    const doc = corpus.documentById.get(s.docId)!;
    return [
      { denier: s.speakerName, claim, claimText: claim ? doc.text.slice(claim.start, claim.end) : null },
    ];
  });
}

describe('claim–denial links on the seeds', async () => {
  const corpus = await readCorpus({ corpusDir: SEED_CORPUS, maxFileBytes: 5_000_000 });

  it("links every denial to Microsoft's claim, which both articles state", () => {
    const links = linksOf(corpus);
    expect(links.length).toBeGreaterThanOrEqual(15);
    for (const link of links) expect(link.claim?.claimant, link.denier).toMatch(/Microsoft/);
  });

  it("lists Microsoft's claims about China with the Chinese denials that answer them", () => {
    const about = claimsAbout(corpus, 'CN');
    const answered = about.filter((c) => c.denials.length > 0);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    for (const { claim, denials } of answered) {
      expect(claim.claimant).toMatch(/Microsoft/);
      for (const d of denials) expect(corpus.statements[d]!.country).toBe('CN');
    }
    // Nobody from China accuses China.
    for (const { claim } of about) expect(claim.claimantCountry).not.toBe('CN');
  });
});

describe('claims in answers', async () => {
  const corpus = await readCorpus({ corpusDir: SEED_CORPUS, maxFileBytes: 5_000_000 });
  const verbatim = (claim: ClaimInfo) => {
    const doc = corpus.documentById.get(claim.citation.docId)!;
    expect(doc.text.slice(claim.citation.start, claim.citation.end)).toBe(claim.text);
  };

  it('/deny gives every denial of every seed country the claim it answers, verbatim and cited', () => {
    for (const country of ['RU', 'CN', 'IR']) {
      const hits = answerDeny(corpus, country, undefined, 50).groups.flatMap((g) => g.statements);
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(hit.inReplyTo, hit.text).toBeDefined();
        verbatim(hit.inReplyTo!);
        expect(hit.inReplyTo!.claimant).toMatch(/Microsoft/);
      }
    }
  });

  it("a claim stated in the denial's own sentence is shown as its own words, not the sentence again", () => {
    const russia = answerDeny(corpus, 'RU').groups.find((g) => g.speaker.name === 'Russia')!.statements[0]!;
    expect(russia.inReplyTo!.text).toMatch(/^allegations by Microsoft Corp that hackers/);
  });

  it('/claims answers with claims about the country, verbatim, answered ones first', () => {
    const answer = answerClaimsAbout(corpus, 'Iran');
    expect(answer.country?.code).toBe('IR');
    expect(answer.entries[0]!.denials.length).toBeGreaterThan(0);
    for (const entry of answer.entries) {
      verbatim(entry.claim);
      for (const d of entry.denials) expect(d.speaker.country).toBe('IR');
    }
    const firstUnanswered = answer.entries.findIndex((e) => e.denials.length === 0);
    if (firstUnanswered >= 0)
      expect(answer.entries.slice(firstUnanswered).every((e) => !e.denials.length)).toBe(true);
    expect(answerClaimsAbout(corpus, 'Atlantis').country).toBeNull();
    expect(answerClaimsAbout(corpus, 'CN', 'election').entries.length).toBeGreaterThan(0);
    expect(answerClaimsAbout(corpus, 'CN', 'zebra').entries).toEqual([]);
  });
});

describe('claim–denial links on other news', () => {
  it('finds the claim stated after the denial, by its maker named in the denial', () => {
    const corpus = corpusOf({
      'a.txt': `Oslo rejects spying claims

Norway's foreign ministry on Monday dismissed the accusations made by Chile's interior ministry as baseless.

Chile's interior ministry said on Sunday that Norwegian agents had hacked the email servers of the Chilean parliament.
`,
    });
    const links = linksOf(corpus);
    expect(links.length).toBe(2);
    for (const link of links) expect(link.claimText).toContain('Norwegian agents had hacked');
  });

  it("finds the claim inside the denial's own words when no other sentence states it", () => {
    const corpus = corpusOf({
      'b.txt': `Minister denies budget leak

The finance minister, Maria Lindqvist, on Tuesday denied suggestions that her office had leaked the budget to bankers before the vote.

Parliament will vote on the budget next week.
`,
    });
    const links = linksOf(corpus);
    expect(links.length).toBe(2);
    // The headline's "denies budget leak" answers the same claim the body states.
    for (const link of links)
      expect(link.claimText).toMatch(/^suggestions that her office had leaked the budget/);
  });

  it('gives no link when the article never says what is denied', () => {
    const corpus = corpusOf({
      'c.txt': `Mayor speaks

"I am not a crook," said Mayor John Hale on Friday.

The city council meets again in May to discuss the harbour.
`,
    });
    for (const link of linksOf(corpus)) expect(link.claim).toBeNull();
  });

  it('never links a denial to its own speaker, and every claim is a span of its article', () => {
    const sentences = [
      'The opposition accused the government of hiding the report.',
      'Prime Minister Ana Ruiz denied hiding the report.',
      '"We never hid anything," Ms Ruiz said.',
      'Critics claimed the report showed rising debt.',
      'The finance ministry rejected the claims as false.',
      'The weather was mild.',
      'Lawmakers said the debt had doubled since 2010.',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 8 }), (picked) => {
        const text = `Report\n\n${picked.join('\n\n')}\n`;
        const corpus = corpusOf({ 'p.txt': text });
        corpus.statements.forEach((s, i) => {
          const claim = claimAnswered(corpus, i);
          if (!claim) return;
          expect(claim.claimantId).not.toBe(s.speakerId);
          expect(claim.start).toBeGreaterThanOrEqual(0);
          expect(claim.end).toBeLessThanOrEqual(text.length);
          expect(claim.start).toBeLessThan(claim.end);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('claim–denial links: rules', () => {
  it("keeps a denial's unnamed claim rather than an ally's remark on the same topic", () => {
    const corpus = corpusOf({
      'd.txt': `Deputy denies tax rise

The treasury deputy, Tom Hart, on Monday denied suggestions there will be a tax rise in the spring budget.

Lena Ford, a treasury minister, said she was sure Mr Hart's budget would protect pensioners.
`,
    });
    const hart = linksOf(corpus).find((l) => l.denier === 'Tom Hart' && l.claimText !== null);
    expect(hart?.claimText).toMatch(/^suggestions there will be a tax rise/);
  });

  it('shows the named version of an unnamed claim when they share more than one word', () => {
    const corpus = corpusOf({
      'e.txt': `Norway rejects hacking claims

Norway's foreign ministry on Monday rejected accusations of Norwegian agents hacking the servers of the Chilean parliament.

Chile's interior ministry said on Sunday that Norwegian agents had been hacking the parliament servers for months.
`,
    });
    const norway = linksOf(corpus).find((l) => l.claimText !== null);
    expect(norway?.claim?.claimant).toMatch(/interior ministry/);
  });
});

describe("claim–denial links: a side's claim shared with its other denials", () => {
  const article = (last: string) =>
    corpusOf({
      'f.txt': `Minister rejects bribery claims

Opposition leader Sam Brook claimed that Health Minister Clara Voss had taken bribes from a hospital builder.

Ms Voss rejected the claims from Mr Brook that she had taken bribes from the builder.

${last}
`,
    });

  it('goes to a denial that only calls the claim false, or shares its words', () => {
    for (const last of [
      '"That is simply untrue," Ms Voss said.',
      '"The builder never gave me a penny," Ms Voss insisted.',
    ]) {
      const links = linksOf(article(last));
      expect(links.length, last).toBe(3);
      for (const link of links) expect(link.claim?.claimant, last).toBe('Sam Brook');
    }
  });

  it('does not go to a denial with a topic of its own', () => {
    const links = linksOf(
      article(
        'Ms Voss also said there had been no cover-up over the delayed school inspections in the northern region.',
      ),
    );
    expect(links.length).toBe(3);
    expect(links.at(-1)!.claim).toBeNull();
  });
});

describe('claim–denial links: "that suggestion" points at the claim just made', () => {
  const castro = (between: string) =>
    linksOf(
      corpusOf({
        'g.txt': `Mayor defends school plan

Mayor Ines Castro unveiled a plan to merge the city's schools on Monday.

Councillor Paul Grant said Ms Castro's plan would close three village schools within a year.
${between}
Ms Castro called that suggestion absurd.
`,
      }),
    );

  it('links it to the claim in the sentence before, or the one about the denier among the last two', () => {
    for (const between of ['', '\nUnion leader Ann Lee said class sizes had grown across the region.\n']) {
      const links = castro(between);
      expect(links.length, between).toBe(1);
      expect(links[0]!.claim?.claimant, between).toMatch(/Paul Grant/);
    }
  });

  it('gives no link when no claim was made just before, even if the speaker denied another earlier', () => {
    const corpus = corpusOf({
      'h.txt': `Minister rejects bribery claims

Opposition leader Sam Brook claimed that Health Minister Clara Voss had taken bribes from a hospital builder.

Ms Voss rejected the claims from Mr Brook that she had taken bribes from the builder.

The hospital opened in March with two hundred beds.

Its wards are named after local rivers.

Its car park has room for four hundred cars.

Ms Voss called that suggestion absurd.
`,
    });
    const links = linksOf(corpus);
    expect(links.at(-1)!.claimText).toBeNull();
    expect(links.at(-2)!.claim?.claimant).toBe('Sam Brook');
  });
});

describe('claim–denial links: "wrong to say" states the claim it judges', () => {
  const reid = (sentence: string) =>
    linksOf(
      corpusOf({ 'i.txt': `Courts row\n\n${sentence}\n\nThe courts cost four hundred million pounds.\n` }),
    );

  it('links "was wrong to say …" to the words it calls wrong', () => {
    const links = reid(
      'Home Secretary Tom Reid said Mr Lane was wrong to say the new courts had been built too slowly.',
    );
    expect(links.length).toBe(1);
    expect(links[0]!.claimText).toMatch(/^say the new courts had been built too slowly/);
  });

  it('does not take "to say" that nothing calls wrong as a claim', () => {
    const links = reid(
      'Home Secretary Tom Reid denied the courts were late, and was happy to say the new courts had been built on time.',
    );
    expect(links.length).toBe(1);
    expect(links[0]!.claim).toBeNull();
  });
});

describe('claim–denial links: "his claims" points at the claim just made', () => {
  const voss = (between: string) =>
    linksOf(
      corpusOf({
        'j.txt': `Ministry rejects report

Opposition leader Sam Brook said the ministry had buried a report on hospital waiting times for two years.
${between}
His claims were rejected by Health Minister Clara Voss.
`,
      }),
    ).find((l) => l.denier === 'Clara Voss');

  it('links it to the claim in the sentence before', () => {
    expect(voss('')?.claim?.claimant).toBe('Sam Brook');
  });

  it('gives no link when the claim was made too long before', () => {
    const far =
      '\nThe hospital opened in March.\n\nIts wards are named after rivers.\n\nIts car park is large.\n';
    expect(voss(far)?.claim).toBeNull();
  });
});

describe("claim–denial links: a colleague's bare denial", () => {
  const berg = (between: string) =>
    linksOf(
      corpusOf({
        'k.txt': `Norway rejects spying claims

Chile's interior ministry said on Sunday that Norwegian agents had hacked the email servers of the Chilean parliament.

Norway's foreign ministry on Monday dismissed the accusations made by Chile's interior ministry as baseless.
${between}
"That is simply untrue," Norwegian defence minister Ola Berg said.
`,
      }),
    ).find((l) => l.denier === 'Ola Berg');

  it("takes the side's claim when it follows the side's denial", () => {
    expect(berg('')?.claimText).toMatch(/^Norwegian agents had hacked/);
  });

  it('takes none when other matters come between', () => {
    const between =
      '\nThe two countries signed a fishing treaty in 1998.\n\nTrade has doubled since.\n\nSalmon is the main export.\n';
    expect(berg(between)?.claim).toBeNull();
  });
});
