/**
 * Each answer type as a frame (title, intro, plain content) and blocks of
 * Discord markdown. Every piece of corpus or user text goes through
 * `escapeText`/`emphasise`; citations go through `formatCitation`, the one format.
 */

import { formatCitation } from '../../answers/citation.ts';
import { countryEvidenceNote } from '../../answers/evidence.ts';
import type {
  Citation,
  ClaimInfo,
  ClaimsAnswer,
  CorpusAnswer,
  DenyAnswer,
  QuotesAnswer,
  ReloadAnswer,
  SearchAnswer,
  SentenceHit,
  SourceAnswer,
  SpeakerInfo,
  StatementHit,
  WhoSaidAnswer,
} from '../../answers/types.ts';
import { countryInfo } from '../../countries.ts';
import { fitRuns, type Run, runsOf } from '../marks.ts';
import { plural } from '../plural.ts';
import { quoteMarks } from '../typography.ts';
import { didYouMean, didYouMeanCountry, readingText, tooCommonText } from './guidance.ts';
import { clampMarkdown, emphasise, escapeText, linkMarkdown, quoted, shorten, styled } from './markdown.ts';
import { type Block, BUDGET, type ContextRef, type Frame } from './pages.ts';

export interface Layout {
  frame: Frame;
  blocks: Block[];
}

const COLOR = { answer: 0x3b82f6, closest: 0x9ca3af, denial: 0xdc2626, admin: 0x10b981, failure: 0xf59e0b };
/** Raw quote lengths tried, longest first, until a block fits its budget. */
const QUOTE_LENGTHS = [1500, 800, 400, 150, 40];
/** A link at the end of a citation, which Discord can show as is; anything else in a citation is escaped. */
const LINK = / (https?:\/\/[^\s<>]{1,300})$/;
const CITATION_MAX = 400;
const CITATION_TITLE_MAX = 150;

/** Numbers citations across a whole answer: `[1]` … `[n]`, matching "Context n". */
class Numbering {
  private next = 1;
  /** Marks a legend has explained in this answer: each is explained once, where first shown. */
  readonly explained = new Set<'speaker' | 'match' | 'cue'>();
  take(citation: Citation): ContextRef {
    return { number: this.next++, sentenceId: citation.sentenceId };
  }
}

/**
 * `formatCitation`'s text, escaped, with its link left clickable and in
 * angle brackets, so Discord shows no preview for it.
 */
export function citationMarkdown(citation: Citation): string {
  // A long title is cut first, so the citation id and the link still show.
  const text = formatCitation({ ...citation, title: shorten(citation.title, CITATION_TITLE_MAX) });
  const link = LINK.exec(text);
  if (!link) return escapeText(shorten(text, CITATION_MAX));
  // Markdown characters in the link are encoded, so it may grow: past what LINK allows it is shown as text.
  const shown = linkMarkdown(link[1]!);
  if (!shown || shown.length > 302) return escapeText(shorten(text, CITATION_MAX));
  const before = text.slice(0, link.index);
  return `${escapeText(shorten(before, CITATION_MAX - shown.length - 1))} ${shown}`;
}

function citationLine(ref: ContextRef, citation: Citation): string {
  return `**[${ref.number}]** ${citationMarkdown(citation)}`;
}

export function speakerMarkdown(speaker: SpeakerInfo): string {
  const country = speaker.country ? countryInfo(speaker.country) : null;
  const note = countryEvidenceNote(speaker.countryEvidence);
  const countryText = country ? `${country.flag} ${escapeText(country.name)}` : speaker.country;
  const parts = [
    // A description is shown as one, never as a name.
    speaker.described ? `*${escapeText(speaker.name)}* (not named)` : `**${escapeText(speaker.name)}**`,
    speaker.title ? escapeText(speaker.title) : null,
    countryText && note ? `${countryText} (${note})` : countryText,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The first raw quote length whose rendering fits the block budget. */
function fitQuote(render: (quoteLength: number) => string): string {
  for (const length of QUOTE_LENGTHS) {
    const text = render(length);
    if (text.length <= BUDGET.block) return text;
  }
  return clampMarkdown(render(0), BUDGET.block);
}

/** A sentence as a quote block, matched words in bold. */
function quoteLine(text: string, highlights: SentenceHit['highlights'], max: number): string {
  return `> ${emphasise(shorten(text, max), highlights)}`;
}

/**
 * A statement's display as a quote block: a direct quote in the marks
 * `quoteMarks` gives it; reported speech and partial quotes as their
 * sentence, without marks, the speaker in bold and the cue underlined.
 * Matched words are in bold.
 */
function statementQuote(hit: StatementHit, runs: readonly Run[], max: number): string {
  const body = styled(
    fitRuns(runs, max).map((r) => ({ text: r.text, bold: r.speaker || r.match, underline: r.cue })),
  );
  if (hit.kind !== 'direct') return `> ${body}`;
  const [open, close] = quoteMarks(hit.display.text);
  return `> ${open}${body}${close}`;
}

/**
 * What the marks in a statement's quote block mean, the first time the
 * answer shows them: matched words alone in bold need no legend, but next
 * to a speaker in bold they do.
 */
function legend(runs: readonly Run[], explained: Numbering['explained']): string {
  const shown = {
    speaker: runs.some((r) => r.speaker),
    match: runs.some((r) => r.speaker) && runs.some((r) => r.match),
    cue: runs.some((r) => r.cue),
  };
  const fresh = (key: keyof typeof shown) => shown[key] && !explained.has(key) && explained.add(key);
  const bold = [fresh('speaker') ? 'speaker' : '', fresh('match') ? 'matched words' : ''].filter(Boolean);
  return [bold.length ? `${bold.join(' and ')} in bold` : '', fresh('cue') ? 'verb underlined' : '']
    .filter(Boolean)
    .join(', ');
}

const KIND_LABEL: Record<StatementHit['kind'], string> = {
  direct: '',
  partial: 'partial quote',
  indirect: 'reported speech',
};

function statementLabel(
  hit: StatementHit,
  withDenial: boolean,
  runs: readonly Run[],
  legendText: string,
): string {
  const parts = [KIND_LABEL[hit.kind]];
  if (withDenial && hit.denial) parts.push(hit.explicitDenial ? 'explicit denial' : 'dismissal');
  // In denials the verb matters ("dismissed" is not "denied"); elsewhere it is noise.
  // A verb shown underlined in the sentence is not named again.
  if (withDenial && hit.cue && !runs.some((r) => r.cue)) {
    const [open, close] = quoteMarks(hit.cue);
    parts.push(`${open}${escapeText(hit.cue)}${close}`);
  }
  const label = [parts.filter(Boolean).join(', '), legendText].filter(Boolean).join('; ');
  return label ? `*(${label})*` : '';
}

/**
 * A statement as one block, or several when it is reported by more sources
 * than one block holds: every source is cited, none dropped.
 */
function statementBlocks(
  hit: StatementHit,
  numbering: Numbering,
  header: string | undefined,
  denial = false,
) {
  const refs = hit.citations.map((c) => ({ ref: numbering.take(c), citation: c }));
  const lines = refs.map(({ ref, citation }) => citationLine(ref, citation));
  const runs = runsOf(hit.display, hit.highlights);
  const label = statementLabel(hit, denial, runs, legend(runs, numbering.explained));
  const sources = refs.length > 1 ? `Reported by ${refs.length} sources:` : '';
  const head = (quoteLength: number) =>
    [statementQuote(hit, runs, quoteLength), label, sources].filter(Boolean).join('\n');
  const first = fitQuote(head);
  const blocks: Block[] = [];
  let text = first;
  let contexts: ContextRef[] = [];
  refs.forEach(({ ref }, i) => {
    const line = lines[i]!;
    if (text.length + line.length + 1 > BUDGET.block || contexts.length >= BUDGET.contextsPerPage) {
      blocks.push({ header, text, contexts });
      text = '*…reported by (continued):*';
      contexts = [];
    }
    text += `\n${line}`;
    contexts.push(ref);
  });
  if (hit.inReplyTo) {
    const ref = numbering.take(hit.inReplyTo.citation);
    const reply = replyText(hit.inReplyTo, ref);
    if (text.length + reply.length + 1 > BUDGET.block || contexts.length >= BUDGET.contextsPerPage) {
      blocks.push({ header, text, contexts });
      text = '';
      contexts = [];
    }
    text += `${text ? '\n' : ''}${reply}`;
    contexts.push(ref);
  }
  blocks.push({ header, text, contexts });
  return blocks;
}

/** How much of a claim's sentence a denial shows beside it: the citation leads to the rest. */
const REPLY_MAX = 300;

/** Who made a claim, as shown: the speaker, else the maker the sentence names, else no one. */
function claimMaker(claim: ClaimInfo): string {
  if (claim.speaker) return speakerMarkdown(claim.speaker);
  return claim.claimant ? `**${escapeText(claim.claimant)}**` : '*the article*';
}

/** "↳ in reply to Microsoft Corp:" and the claim's sentence, verbatim, cited. */
function replyText(claim: ClaimInfo, ref: ContextRef): string {
  return [
    `↳ *in reply to* ${claimMaker(claim)}:`,
    quoteLine(claim.text, [], REPLY_MAX),
    citationLine(ref, claim.citation),
  ].join('\n');
}

function sentenceBlock(hit: SentenceHit, numbering: Numbering): Block {
  const ref = numbering.take(hit.citation);
  const line = citationLine(ref, hit.citation);
  const text = fitQuote((length) => `${quoteLine(hit.text, hit.highlights, length)}\n${line}`);
  return { text, contexts: [ref] };
}

function countryLabel(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const country = countryInfo(code);
  return country ? `${country.flag} ${escapeText(country.name)}` : escapeText(code);
}

function filtersText(filters: WhoSaidAnswer['filters']): string {
  const parts = [
    filters.speaker ? `speaker ${quoted(filters.speaker)}` : '',
    filters.country ? `country ${countryLabel(filters.country)}` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function whoSaidLayout(a: WhoSaidAnswer): Layout {
  const numbering = new Numbering();
  if (a.tooCommon) return { frame: { content: tooCommonText(a.query) }, blocks: [] };
  const reading = a.reading ? readingText(a.reading) : '';
  if (a.groups.length === 0) {
    const none = a.unknown
      ? unknownFiltersText(a)
      : reading
        ? `${reading} No statement matches.`
        : `No statement matches ${quoted(a.query)}${filtersText(a.filters)}.`;
    if (a.closest.length === 0)
      return { frame: { content: `${none} No sentence comes close either.` }, blocks: [] };
    return {
      frame: {
        content: none,
        title: 'Closest sentences (not answers)',
        intro: '*These sentences are near your words, but none of them is a statement that matches.*',
        color: COLOR.closest,
      },
      blocks: a.closest.map((hit) => sentenceBlock(hit, numbering)),
    };
  }
  const speakers = a.groups.map((g) => `**${escapeText(g.speaker.name)}**`);
  const intro = a.groups.length > 1 ? `Said by ${a.groups.length} speakers: ${speakers.join(', ')}.` : '';
  return {
    frame: {
      // A question read as speaker and topic is its own title; how it was read comes first.
      title: reading ? quoted(a.query) : `Who said ${quoted(a.query)}?`,
      intro: [reading, intro + filtersText(a.filters)].filter(Boolean).join('\n'),
      color: COLOR.answer,
    },
    blocks: a.groups.flatMap((g) =>
      g.statements.flatMap((hit) =>
        statementBlocks(hit, numbering, speakerMarkdown(g.speaker), a.reading?.denials === true),
      ),
    ),
  };
}

/** A speaker or country filter the corpus does not know, with the nearest names it does. */
function unknownFiltersText(a: WhoSaidAnswer): string {
  const { speaker, country } = a.unknown ?? {};
  const parts: string[] = [];
  if (speaker) parts.push(`No speaker matches ${quoted(speaker.input)}.${didYouMean(speaker.suggestions)}`);
  if (country)
    parts.push(`Unknown country: ${quoted(country.input)}.${didYouMeanCountry(country.suggestions)}`);
  return parts.join(' ');
}

export function denyLayout(a: DenyAnswer): Layout {
  if (!a.country) {
    return {
      frame: {
        content: a.suggestions?.length
          ? `Unknown country: ${quoted(a.input)}.${didYouMeanCountry(a.suggestions)}`
          : `Unknown country: ${quoted(a.input)}. Try a code (RU) or a name (Russia).`,
      },
      blocks: [],
    };
  }
  if (a.tooCommon) return { frame: { content: tooCommonText(a.topic ?? '') }, blocks: [] };
  const about = a.topic ? ` about ${quoted(a.topic)}` : '';
  const who = `${a.country.flag} ${escapeText(a.country.name)}`;
  if (a.groups.length === 0) {
    return {
      frame: { content: `No denials by officials or bodies of ${who}${about} in the corpus.` },
      blocks: [],
    };
  }
  const numbering = new Numbering();
  const count = a.groups.reduce((n, g) => n + g.statements.length, 0);
  return {
    frame: {
      title: `Denials by ${who}${about}`,
      intro:
        `${count} ${count === 1 ? 'denial' : 'denials'} by ${a.groups.length} ${a.groups.length === 1 ? 'speaker' : 'speakers'}, explicit denials first.` +
        (a.total > count ? ` The first ${count} of ${a.total}: add a topic to narrow them.` : ''),
      color: COLOR.denial,
    },
    blocks: a.groups.flatMap((g) =>
      g.statements.flatMap((hit) => statementBlocks(hit, numbering, speakerMarkdown(g.speaker), true)),
    ),
  };
}

export function quotesLayout(a: QuotesAnswer): Layout {
  if (!a.speaker)
    return {
      frame: { content: `No speaker matches ${quoted(a.input)}.${didYouMean(a.suggestions ?? [])}` },
      blocks: [],
    };
  const speaker = speakerMarkdown(a.speaker);
  if (a.statements.length === 0)
    return { frame: { content: `${speaker} has no statements in the corpus.` }, blocks: [] };
  const numbering = new Numbering();
  const n = a.statements.length;
  return {
    frame: {
      title: `Everything ${escapeText(a.speaker.name)} said`,
      intro: `${speaker}\n${n} ${n === 1 ? 'statement' : 'statements'}, in document order.`,
      color: COLOR.answer,
    },
    blocks: a.statements.flatMap((hit) => statementBlocks(hit, numbering, undefined)),
  };
}

export function searchLayout(a: SearchAnswer): Layout {
  if (a.tooCommon) return { frame: { content: tooCommonText(a.query) }, blocks: [] };
  if (a.hits.length === 0)
    return { frame: { content: `No sentence matches ${quoted(a.query)}.` }, blocks: [] };
  const numbering = new Numbering();
  return {
    frame: { title: `Sentences matching ${quoted(a.query)}`, color: COLOR.answer },
    blocks: a.hits.map((hit) => sentenceBlock(hit, numbering)),
  };
}

/**
 * A sentence as raw pieces short enough that, escaped and in bold, each fits
 * a block; each says how it joins the text before it (a space, or nothing
 * where a word had to be cut).
 */
function chunks(text: string, size = 1500): { piece: string; join: ' ' | '' }[] {
  const out: { piece: string; join: ' ' | '' }[] = [];
  let rest = text;
  let join: ' ' | '' = ' ';
  while (rest.length > size) {
    const space = rest.lastIndexOf(' ', size);
    const atSpace = space > size / 2;
    const end = atSpace ? space : size;
    out.push({ piece: rest.slice(0, end), join });
    rest = rest.slice(atSpace ? end + 1 : end);
    join = atSpace ? ' ' : '';
  }
  return [...out, { piece: rest, join }];
}

export function sourceLayout(a: SourceAnswer): Layout {
  if (!a.context) {
    return {
      frame: { content: `No sentence has the citation id ${quoted(a.input)}. Ids look like \`doc:12.3\`.` },
      blocks: [],
    };
  }
  const { citation, sentences } = a.context;
  const blocks = sentences.flatMap((s) =>
    chunks(s.text).map(
      ({ piece, join }): Block => ({
        text: s.cited ? emphasise(piece, [[0, piece.length]]) : escapeText(piece),
        // Two bold pieces must not touch ("****" is not bold), so they keep a space.
        join: s.cited ? ' ' : join,
      }),
    ),
  );
  return {
    frame: {
      title: `Context: paragraph ${citation.paragraph}`,
      intro: `${citationMarkdown(citation)}\n*The cited sentence is in bold.*\n`,
      color: COLOR.answer,
      perPage: 1000,
    },
    blocks,
  };
}

function when(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? escapeText(iso) : `<t:${Math.floor(ms / 1000)}:f>`;
}

function listBlocks(title: string, lines: string[]): Block[] {
  return lines.map((text) => ({ header: `**${title}**`, text, join: '\n' }));
}

/** A skipped path can be thousands of characters (one too long for the system): its two ends show. */
const SKIPPED_PATH_END = 80;

function skippedLines(skipped: CorpusAnswer['skipped']): string[] {
  return skipped.map(({ file, reason }) => {
    const shown =
      file.length > 2 * SKIPPED_PATH_END + 1
        ? `${file.slice(0, SKIPPED_PATH_END)}…${file.slice(-SKIPPED_PATH_END)}`
        : file;
    return `• ${escapeText(shown)}: ${escapeText(reason)}`;
  });
}

export function corpusLayout(a: CorpusAnswer): Layout {
  const counts = [
    `**${a.documents}** documents`,
    `**${a.sentences}** sentences`,
    `**${a.statements}** statements`,
    `**${a.speakers}** speakers`,
    `**${a.countries.length}** countries`,
  ].join(' · ');
  const reload = a.lastReload
    ? `Last reload ${when(a.lastReload.startedAt)}: ${a.lastReload.ok ? 'succeeded' : 'failed'} in ${a.lastReload.ms} ms.`
    : 'No reload since start.';
  const countries = a.countries.map(
    (c) =>
      `${c.flag} ${escapeText(c.name)} (${c.code}): ${plural(c.statements, 'statement')}, ${plural(c.denials, 'denial')}`,
  );
  return {
    frame: {
      title: 'Corpus',
      intro: `${counts}\nLoaded ${when(a.loadedAt)}. ${reload}`,
      color: COLOR.admin,
      perPage: 40,
    },
    blocks: [
      ...listBlocks('Countries', countries),
      ...listBlocks('Skipped files', skippedLines(a.skipped)),
      ...listBlocks(
        'Warnings',
        skippedLines((a.warnings ?? []).map((w) => ({ file: w.file, reason: w.message }))),
      ),
    ],
  };
}

function countChange(label: string, before: number, after: number): string {
  const delta = after - before;
  const sign = delta > 0 ? `+${delta}` : `${delta}`;
  return `${label} ${before} → ${after}${delta ? ` (${sign})` : ''}`;
}

export function reloadLayout({ report }: ReloadAnswer): Layout {
  const { before, after } = report;
  const counts = [
    countChange('documents', before.documents, after.documents),
    countChange('sentences', before.sentences, after.sentences),
    countChange('statements', before.statements, after.statements),
    countChange('speakers', before.speakers, after.speakers),
  ].join(' · ');
  const files = (names: string[]) => names.map((n) => `• ${escapeText(n)}`);
  const unchanged = report.added.length + report.removed.length + report.changed.length === 0;
  const intro = report.ok
    ? `Reloaded in ${report.ms} ms.${unchanged ? ' No document was added, removed or changed.' : ''}\n${counts}`
    : `The reload failed after ${report.ms} ms: ${escapeText(shorten(report.error ?? 'unknown error', 300))}\nThe previous corpus is still being served.`;
  return {
    frame: {
      title: report.ok ? 'Corpus reloaded' : 'Reload failed',
      intro,
      color: report.ok ? COLOR.admin : COLOR.failure,
      perPage: 40,
    },
    blocks: [
      ...listBlocks('Added', files(report.added)),
      ...listBlocks('Removed', files(report.removed)),
      ...listBlocks('Changed', files(report.changed)),
      ...listBlocks('Skipped files', skippedLines(report.skipped)),
    ],
  };
}

/** /claims: each claim as its sentence with its maker, then the country's denials that answer it. */
export function claimsLayout(a: ClaimsAnswer): Layout {
  if (!a.country) {
    return {
      frame: { content: `Unknown country: ${quoted(a.input)}. Try a code (CN) or a name (China).` },
      blocks: [],
    };
  }
  const about = a.topic ? ` about ${quoted(a.topic)}` : '';
  const who = `${a.country.flag} ${escapeText(a.country.name)}`;
  if (a.entries.length === 0) {
    return {
      frame: { content: `No claims about ${who}${about} that the corpus attributes to anyone.` },
      blocks: [],
    };
  }
  const numbering = new Numbering();
  const answered = a.entries.filter((e) => e.denials.length).length;
  return {
    frame: {
      title: `Claims about ${who}${about}`,
      intro:
        `${a.entries.length} ${a.entries.length === 1 ? 'claim' : 'claims'}, ${answered} answered by a denial from ${who}, those first.` +
        (a.total > a.entries.length
          ? ` The first ${a.entries.length} of ${a.total}: add a topic to narrow them.`
          : ''),
      color: COLOR.answer,
    },
    blocks: a.entries.flatMap(({ claim, denials }) => {
      const ref = numbering.take(claim.citation);
      const header = `Claim by ${claimMaker(claim)}`;
      const claimBlock: Block = {
        header,
        text: fitQuote(
          (length) => `${quoteLine(claim.text, [], length)}\n${citationLine(ref, claim.citation)}`,
        ),
        contexts: [ref],
      };
      const answers = denials.length
        ? denials.flatMap((hit) =>
            statementBlocks(hit, numbering, `Denied by ${speakerMarkdown(hit.speaker)}`, true),
          )
        : [{ header, text: '*No denial in the corpus answers it.*', contexts: [] }];
      return [claimBlock, ...answers];
    }),
  };
}
