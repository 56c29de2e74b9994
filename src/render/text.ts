/**
 * Terminal renderer: answer objects → plain text for the offline CLI.
 * Quotes are printed exactly as in the corpus; only the emphasis around
 * matched words is added (ANSI bold on a terminal, `**…**` otherwise).
 */

import { formatCitation } from '../answers/citation.ts';
import { countryEvidenceNote } from '../answers/evidence.ts';
import type {
  Answer,
  Citation,
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

export interface TextStyle {
  /** Use ANSI escapes (bold, dim) rather than markdown-style markers. */
  ansi: boolean;
}

type Style = { bold: (s: string) => string; dim: (s: string) => string };

function styleOf(options: TextStyle): Style {
  return options.ansi
    ? { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` }
    : { bold: (s) => `**${s}**`, dim: (s) => s };
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
  }
}

/** Wraps the highlighted ranges of `text` in bold. */
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
    `${i + 1}. ${emphasise(h.text, h.highlights, style.bold)}`,
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

function renderStatement(h: StatementHit, style: Style): string[] {
  const lines = [`   “${emphasise(h.text, h.highlights, style.bold)}”${h.denial ? '  [denial]' : ''}`];
  if (h.citations.length > 1) lines.push(style.dim(`   reported by ${h.citations.length} sources:`));
  for (const c of h.citations) lines.push(cite(c, style));
  return lines;
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
  const paragraph = a.context.sentences.map((s) => (s.cited ? style.bold(s.text) : s.text)).join(' ');
  return [paragraph, cite(a.context.citation, style)].join('\n');
}

function renderCorpus(a: CorpusAnswer): string {
  const lines = [
    `${a.documents} documents, ${a.sentences} sentences, ${a.statements} statements, ${a.speakers} speakers.`,
    `Loaded ${a.loadedAt}.`,
  ];
  if (a.countries.length) {
    lines.push(
      'Countries: ' +
        a.countries.map((c) => `${c.flag} ${c.name} (${c.statements}, ${c.denials} denials)`).join(', '),
    );
  }
  if (a.skipped.length) lines.push('Skipped files:', ...a.skipped.map((s) => `  ${s.file}: ${s.reason}`));
  if (a.lastReload) lines.push('', 'Last reload:', renderReload(a.lastReload));
  return lines.join('\n');
}

export function renderReload(r: ReloadReport): string {
  if (!r.ok)
    return `Reload failed: ${r.error}. Still serving the previous corpus (${r.before.documents} documents).`;
  const list = (label: string, ids: string[]) => (ids.length ? [`${label}: ${ids.join(', ')}`] : []);
  return [
    `Reloaded in ${r.ms} ms: ${r.after.documents} documents (was ${r.before.documents}), ${r.after.sentences} sentences, ${r.after.statements} statements, ${r.after.speakers} speakers.`,
    ...list('Added', r.added),
    ...list('Removed', r.removed),
    ...list('Changed', r.changed),
    ...r.skipped.map((s) => `Skipped ${s.file}: ${s.reason}`),
  ].join('\n');
}
