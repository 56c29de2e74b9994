/**
 * Terminal renderer: answer objects → text for the offline CLI. Quotes are
 * printed exactly as in the corpus (line breaks shown as spaces). On a colour
 * terminal, ANSI styles mark them up: matched words and the speaker in bold,
 * the cue underlined, the rest of a reported sentence dim. As plain text (a
 * pipe, NO_COLOR) nothing is added inside a quote: what marks would say is
 * said on a label line of its own. Never Discord markdown.
 */

import { formatCitation } from '../answers/citation.ts';
import { countryEvidenceNote } from '../answers/evidence.ts';
import type {
  Answer,
  Citation,
  ClaimInfo,
  ClaimsAnswer,
  CorpusAnswer,
  DenyAnswer,
  Highlight,
  QuotesAnswer,
  ReloadReport,
  SearchAnswer,
  SentenceHit,
  SourceAnswer,
  SpeakerGroup,
  SpeakerInfo,
  StatementHit,
  WhoSaidAnswer,
} from '../answers/types.ts';
import { countryInfo } from '../countries.ts';
import { didYouMeanCountryText, didYouMeanText, readingLine, tooCommonLine } from './guidance-text.ts';
import { renderHelpText } from './help-text.ts';
import { type Run, runsOf } from './marks.ts';
import { plural } from './plural.ts';
import {
  renderDocumentsText,
  renderFeedsText,
  renderSourceChangeText,
  renderSourcesText,
} from './sources-text.ts';
import { inQuoteMarks, quoteMarks } from './typography.ts';

export interface TextStyle {
  /** Use ANSI escapes (bold, underline, dim); otherwise plain text with nothing added to quotes. */
  ansi: boolean;
}

/** What `textStyleFor` needs of an output stream (a `tty.WriteStream`, or a pipe's stream). */
export interface OutputStream {
  isTTY?: boolean | undefined;
  hasColors?: ((env?: object) => boolean) | undefined;
}

/** The FORCE_COLOR values that turn colours on (Node's own reading of them). */
const FORCE_ON = new Set(['', '1', '2', '3', 'true']);

/**
 * ANSI styles for a terminal that takes them, plain text otherwise. A
 * terminal's answer comes from Node (`hasColors`, which reads NO_COLOR,
 * FORCE_COLOR, NODE_DISABLE_COLORS and TERM=dumb); anything else (a pipe, a
 * file) is plain unless FORCE_COLOR asks for colours.
 */
export function textStyleFor(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): TextStyle {
  if (stream.isTTY && stream.hasColors) return { ansi: stream.hasColors(env) };
  return { ansi: env.FORCE_COLOR !== undefined && FORCE_ON.has(env.FORCE_COLOR) };
}

type Style = {
  ansi: boolean;
  bold: (s: string) => string;
  dim: (s: string) => string;
};

const SGR = { bold: '1', dim: '2', underline: '4', off: '\x1b[22;24m' } as const;

function styleOf(options: TextStyle): Style {
  return options.ansi
    ? { ansi: true, bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` }
    : { ansi: false, bold: (s) => s, dim: (s) => s };
}

/** Corpus text on one line: its line breaks shown as spaces. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

export function renderText(answer: Answer, options: TextStyle = { ansi: false }): string {
  const style = styleOf(options);
  switch (answer.type) {
    case 'search':
      return renderSearch(answer, style);
    case 'who-said':
      return renderWhoSaid(answer, style);
    case 'deny':
      return renderDeny(answer, style);
    case 'quotes':
      return renderQuotes(answer, style);
    case 'source':
      return renderSource(answer, style);
    case 'corpus':
      return renderCorpus(answer);
    case 'reload':
      return renderReload(answer.report);
    case 'help':
      return renderHelpText(answer);
    case 'claims':
      return renderClaims(answer, style);
    case 'documents':
      return renderDocumentsText(answer);
    case 'sources':
      return renderSourcesText(answer);
    case 'source-change':
      return renderSourceChangeText(answer);
    case 'feeds':
      return renderFeedsText(answer);
  }
}

/** Wraps the highlighted ranges of `text` in bold (nothing, in plain text). */
export function emphasise(
  text: string,
  highlights: readonly Highlight[],
  bold: (s: string) => string,
): string {
  let out = '';
  let at = 0;
  for (const [start, end] of highlights) {
    out += text.slice(at, start) + bold(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

function cite(c: Citation, style: Style): string {
  return style.dim(`   — ${formatCitation(c)}`);
}

function renderSentenceHits(hits: SentenceHit[], style: Style): string[] {
  return hits.flatMap((h, i) => [
    `${i + 1}. ${oneLine(emphasise(h.text, h.highlights, style.bold))}`,
    cite(h.citation, style),
  ]);
}

function renderSearch(a: SearchAnswer, style: Style): string {
  if (a.tooCommon) return tooCommonLine(a.query);
  if (a.hits.length === 0) return `No sentence matches “${a.query}”.`;
  return [`Sentences matching “${a.query}”:`, '', ...renderSentenceHits(a.hits, style)].join('\n');
}

export function speakerLine(s: SpeakerInfo): string {
  const country = s.country ? countryInfo(s.country) : null;
  const note = countryEvidenceNote(s.countryEvidence);
  const countryText = country ? `${country.flag} ${country.name}${note ? ` (${note})` : ''}` : null;
  const parts = [s.title, countryText].filter(Boolean);
  const name = s.described ? `${s.name} [not named]` : s.name;
  return parts.length ? `${name} (${parts.join(', ')})` : name;
}

/** A run of a statement's display in ANSI styles: speaker and matched words bold, cue underlined, context dim. */
function ansiRun(r: Run): string {
  const codes = [
    r.speaker || r.match ? SGR.bold : !r.content && !r.cue ? SGR.dim : '',
    r.cue ? SGR.underline : '',
  ].filter(Boolean);
  return codes.length ? `\x1b[${codes.join(';')}m${r.text}${SGR.off}` : r.text;
}

/** A statement's display: a direct quote in the marks `quoteMarks` gives it, other kinds as their sentence. */
function displayLine(h: StatementHit, style: Style): string {
  const body = style.ansi ? runsOf(h.display, h.highlights).map(ansiRun).join('') : h.display.text;
  const [open, close] = h.kind === 'direct' ? quoteMarks(h.display.text) : ['', ''];
  return oneLine(`${open}${body}${close}`);
}

const KIND_LABEL: Record<StatementHit['kind'], string> = {
  direct: '',
  partial: 'partial quote',
  indirect: 'reported speech',
};

/**
 * The kind of statement, whether it is a denial, and, in plain text, the
 * words the marks would show: "(reported speech, denial; speaker “he”, verb “said”)".
 */
function statementLabel(h: StatementHit, style: Style): string {
  const kind = [KIND_LABEL[h.kind], h.denial ? 'denial' : ''].filter(Boolean).join(', ');
  const marked = style.ansi
    ? []
    : (['speaker', 'cue'] as const).flatMap((role) => {
        const m = h.display.marks.find((x) => x.role === role);
        const words = m ? oneLine(h.display.text.slice(m.start, m.end)) : '';
        return words ? [`${role === 'cue' ? 'verb' : role} ${inQuoteMarks(words)}`] : [];
      });
  const label = [kind, marked.join(', ')].filter(Boolean).join('; ');
  return label ? `(${label})` : '';
}

function renderStatement(h: StatementHit, style: Style): string[] {
  const lines = [`   ${displayLine(h, style)}`];
  const label = statementLabel(h, style);
  if (label) lines.push(style.dim(`   ${label}`));
  if (h.citations.length > 1) lines.push(style.dim(`   reported by ${h.citations.length} sources:`));
  for (const c of h.citations) lines.push(cite(c, style));
  if (h.inReplyTo) lines.push(...replyLines(h.inReplyTo, style));
  return lines;
}

/** Who made a claim: the speaker, else the maker the sentence names, else the article. */
function claimMaker(claim: ClaimInfo): string {
  if (claim.speaker) return speakerLine(claim.speaker);
  return claim.claimant ?? 'the article';
}

/** "in reply to Microsoft Corp:" and the claim's sentence, verbatim, cited. */
function replyLines(claim: ClaimInfo, style: Style): string[] {
  return [
    style.dim(`   in reply to ${claimMaker(claim)}:`),
    `     ${oneLine(claim.text)}`,
    cite(claim.citation, style),
  ];
}

function renderClaims(a: ClaimsAnswer, style: Style): string {
  if (!a.country) return `“${a.input}” is not a country whosaid knows. Try a name (China) or a code (CN).`;
  const about = a.topic ? ` about “${a.topic}”` : '';
  const who = `${a.country.flag} ${a.country.name}`;
  if (a.entries.length === 0) return `No claims about ${who}${about} that the corpus attributes to anyone.`;
  const more =
    a.total > a.entries.length
      ? ` (the first ${a.entries.length} of ${a.total}; --limit shows more, --topic narrows)`
      : '';
  const lines = [`Claims about ${who}${about}, those answered by a denial first${more}:`];
  for (const { claim, denials } of a.entries) {
    lines.push(
      '',
      style.bold(`Claim by ${claimMaker(claim)}:`),
      `   ${oneLine(claim.text)}`,
      cite(claim.citation, style),
    );
    if (!denials.length) lines.push(style.dim('   No denial in the corpus answers it.'));
    for (const d of denials)
      lines.push(`  Denied by ${speakerLine(d.speaker)}:`, ...renderStatement(d, style));
  }
  return lines.join('\n');
}

function renderGroups(groups: SpeakerGroup[], style: Style): string[] {
  return groups.flatMap((g) => [
    '',
    style.bold(speakerLine(g.speaker)),
    ...g.statements.flatMap((h) => renderStatement(h, style)),
  ]);
}

function renderWhoSaid(a: WhoSaidAnswer, style: Style): string {
  if (a.tooCommon) return tooCommonLine(a.query);
  const reading = a.reading ? readingLine(a.reading) : null;
  if (a.groups.length === 0) {
    const lines = [
      a.unknown
        ? unknownFiltersLine(a)
        : reading
          ? `${reading} No statement in the corpus matches.`
          : `No statement in the corpus matches “${a.query}”${describeFilters(a)}.`,
    ];
    if (a.closest.length)
      lines.push('', 'Closest sentences (not statements):', ...renderSentenceHits(a.closest, style));
    return lines.join('\n');
  }
  const heading = reading ? `“${a.query}”\n${reading}` : `Who said “${a.query}”${describeFilters(a)}:`;
  return [heading, ...renderGroups(a.groups, style)].join('\n');
}

function unknownFiltersLine(a: WhoSaidAnswer): string {
  const { speaker, country } = a.unknown ?? {};
  return [
    speaker && `No speaker called “${speaker.input}” in the corpus.${didYouMeanText(speaker.suggestions)}`,
    country &&
      `“${country.input}” is not a country whosaid knows.${didYouMeanCountryText(country.suggestions)}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function describeFilters(a: WhoSaidAnswer): string {
  const parts = [
    a.filters.speaker && `speaker “${a.filters.speaker}”`,
    a.filters.country && `country ${a.filters.country}`,
  ];
  const list = parts.filter(Boolean);
  return list.length ? ` (${list.join(', ')})` : '';
}

function renderDeny(a: DenyAnswer, style: Style): string {
  if (!a.country)
    return a.suggestions?.length
      ? `“${a.input}” is not a country whosaid knows.${didYouMeanCountryText(a.suggestions)}`
      : `“${a.input}” is not a country whosaid knows. Try a name (Russia) or a code (RU).`;
  if (a.tooCommon) return tooCommonLine(a.topic ?? '');
  const about = a.topic ? ` about “${a.topic}”` : '';
  const who = `${a.country.flag} ${a.country.name}`;
  if (a.groups.length === 0) return `No denials by officials of ${who}${about} in the corpus.`;
  const shown = a.groups.reduce((n, g) => n + g.statements.length, 0);
  const more =
    a.total > shown ? ` (the first ${shown} of ${a.total}; --limit shows more, --topic narrows)` : '';
  return [`Denials by officials of ${who}${about}${more}:`, ...renderGroups(a.groups, style)].join('\n');
}

function renderQuotes(a: QuotesAnswer, style: Style): string {
  if (!a.speaker)
    return `No speaker called “${a.input}” in the corpus.${didYouMeanText(a.suggestions ?? [])}`;
  const lines = [`Everything ${speakerLine(a.speaker)} said, in document order:`, ''];
  lines.push(...a.statements.flatMap((h) => renderStatement(h, style)));
  return lines.join('\n');
}

function renderSource(a: SourceAnswer, style: Style): string {
  if (!a.context) return `No sentence has the id “${a.input}”. Citation ids look like doc:12.3.`;
  // One sentence a line; the cited one marked in the margin (and bold on a terminal).
  const paragraph = a.context.sentences.map((s) =>
    s.cited ? `→  ${style.bold(oneLine(s.text))}` : `   ${oneLine(s.text)}`,
  );
  return [...paragraph, cite(a.context.citation, style)].join('\n');
}

function renderCorpus(a: CorpusAnswer): string {
  const lines = [
    `${plural(a.documents, 'document')}, ${plural(a.sentences, 'sentence')}, ${plural(a.statements, 'statement')}, ${plural(a.speakers, 'speaker')}.`,
    `Loaded ${a.loadedAt}.`,
  ];
  if (a.countries.length) {
    lines.push(
      'Countries: ' +
        a.countries
          .map((c) => `${c.flag} ${c.name} (${c.statements}, ${plural(c.denials, 'denial')})`)
          .join(', '),
    );
  }
  if (a.skipped.length) lines.push('Skipped files:', ...a.skipped.map((s) => `  ${s.file}: ${s.reason}`));
  if (a.warnings?.length) lines.push('Warnings:', ...a.warnings.map((w) => `  ${w.file}: ${w.message}`));
  if (a.lastReload) lines.push('', 'Last reload:', renderReload(a.lastReload));
  return lines.join('\n');
}

export function renderReload(r: ReloadReport): string {
  if (!r.ok)
    return `Reload failed: ${r.error}. Still serving the previous corpus (${plural(r.before.documents, 'document')}).`;
  const list = (label: string, ids: string[]) => (ids.length ? [`${label}: ${ids.join(', ')}`] : []);
  return [
    `Reloaded in ${r.ms} ms: ${plural(r.after.documents, 'document')} (was ${r.before.documents}), ${plural(r.after.sentences, 'sentence')}, ${plural(r.after.statements, 'statement')}, ${plural(r.after.speakers, 'speaker')}.`,
    ...list('Added', r.added),
    ...list('Removed', r.removed),
    ...list('Changed', r.changed),
    ...r.skipped.map((s) => `Skipped ${s.file}: ${s.reason}`),
  ].join('\n');
}
