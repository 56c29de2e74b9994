/**
 * Corpus management answers as Discord layouts: what an added file was read
 * as (title, date, statements, speakers), the list of sources added from
 * Discord with who added them and when, and what a change did.
 */
import type {
  DocumentSummary,
  DocumentsAnswer,
  FeedBatchSummary,
  FeedInfo,
  FeedsAnswer,
  SourceChangeAnswer,
  SourceInfo,
  SourceOrigin,
  SourcesAnswer,
} from '../../answers/sources.ts';
import type { CorpusCounts } from '../../answers/types.ts';
import { countryInfo } from '../../countries.ts';
import { plural } from '../plural.ts';
import type { Layout } from './answers.ts';
import { escapeText, linkMarkdown, shorten } from './markdown.ts';
import type { Block } from './pages.ts';

const COLOR = { admin: 0x10b981, removed: 0x6b7280, warning: 0xf59e0b };
/** Speakers named per document; the rest are counted. */
const SPEAKERS_SHOWN = 8;

function when(iso: string, style: 'f' | 'R' = 'f'): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? escapeText(iso) : `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** A file name in a code span (names of added files hold no backticks; others are cleaned). */
function fileCode(file: string): string {
  return `\`${shorten(file.replace(/`/g, "'").replace(/\s+/g, ' '), 200)}\``;
}

function link(url: string): string {
  return linkMarkdown(url) ?? escapeText(shorten(url, 200));
}

function originText(origin: SourceOrigin): string {
  switch (origin.kind) {
    case 'url':
      return `from ${link(origin.url)}${origin.finalUrl !== origin.url ? ` (redirected to ${link(origin.finalUrl)})` : ''}`;
    case 'attachment':
      return `from the attachment ${fileCode(origin.name)}`;
    case 'feed':
      return `from ${link(origin.url)}, an item of the feed ${link(origin.feed)}`;
  }
}

function speakerText(s: DocumentSummary['speakers'][number]): string {
  const country = s.country ? countryInfo(s.country) : null;
  const name = s.described ? `*${escapeText(s.name)}*` : escapeText(s.name);
  return `${name} (${country ? `${country.flag} ` : ''}${s.statements})`;
}

/** One document as read: title, date and publisher, counts, and the speakers found. */
export function documentBlock(doc: DocumentSummary): string {
  const meta = [
    doc.published ? `published ${escapeText(doc.published)}` : 'no date',
    doc.publisher ? escapeText(shorten(doc.publisher, 100)) : null,
    doc.author ? `by ${escapeText(shorten(doc.author, 100))}` : null,
  ].filter(Boolean);
  const lines = [
    `**${escapeText(shorten(doc.title, 250))}**`,
    `${meta.join(' · ')} · ${fileCode(doc.id)}`,
    ...(doc.url ? [link(doc.url)] : []),
    `${plural(doc.paragraphs, 'paragraph')} · ${plural(doc.sentences, 'sentence')} · ` +
      `**${plural(doc.statements, 'statement')}**${doc.denials ? ` (${plural(doc.denials, 'denial')})` : ''} · ` +
      `**${plural(doc.speakers.length, 'speaker')}**`,
  ];
  if (doc.speakers.length) {
    const shown = doc.speakers.slice(0, SPEAKERS_SHOWN).map(speakerText);
    const more = doc.speakers.length - shown.length;
    lines.push(`Speakers: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`);
  }
  for (const warning of doc.warnings.slice(0, 3)) lines.push(`⚠️ ${escapeText(shorten(warning, 200))}`);
  return lines.join('\n');
}

function countChange(label: string, before: number, after: number): string {
  const delta = after - before;
  return `${label} ${before} → ${after}${delta ? ` (${delta > 0 ? '+' : ''}${delta})` : ''}`;
}

function countsLine(before: CorpusCounts, after: CorpusCounts): string {
  return [
    countChange('documents', before.documents, after.documents),
    countChange('statements', before.statements, after.statements),
    countChange('speakers', before.speakers, after.speakers),
  ].join(' · ');
}

export function sourceChangeLayout(a: SourceChangeAnswer): Layout {
  const who = `**${escapeText(a.by.username)}**`;
  const verb = { added: 'added', replaced: 'replaced', removed: 'removed' }[a.action];
  const from = a.origin ? ` ${originText(a.origin)}` : '';
  const intro = [
    `${who} ${verb} ${fileCode(a.file)}${from}.`,
    `Reloaded in ${a.reload.ms} ms: ${countsLine(a.reload.before, a.reload.after)}.`,
    ...a.warnings.map((w) => `⚠️ ${escapeText(w)}`),
  ].join('\n');
  const title = {
    added: 'Source added',
    replaced: 'Source updated',
    removed: 'Source removed',
  }[a.action];
  const header = a.action === 'removed' ? '**What it held**' : '**What the corpus read**';
  return {
    frame: {
      title,
      intro,
      color: a.action === 'removed' ? COLOR.removed : a.warnings.length ? COLOR.warning : COLOR.admin,
      perPage: 5,
    },
    blocks: a.documents.map((doc) => ({ header, text: documentBlock(doc) })),
  };
}

export function documentsLayout(a: DocumentsAnswer): Layout {
  if (a.documents.length === 0) {
    return {
      frame: {
        content: a.skipped
          ? `${fileCode(a.file)} was skipped: ${escapeText(a.skipped.reason)}`
          : `No document comes from ${fileCode(a.file)}.`,
      },
      blocks: [],
    };
  }
  return {
    frame: { title: `Read from ${shorten(a.file, 200)}`, color: COLOR.admin, perPage: 5 },
    blocks: a.documents.map((doc) => ({ text: documentBlock(doc) })),
  };
}

function sourceBlock(s: SourceInfo): Block {
  const first = s.documents[0];
  const title = first ? `**${escapeText(shorten(first.title, 200))}**` : '*(nothing read)*';
  const statements = s.documents.reduce((n, d) => n + d.statements, 0);
  const speakers = s.documents.reduce((n, d) => n + d.speakers, 0);
  const parts = [
    `${title}${s.documents.length > 1 ? ` and ${plural(s.documents.length - 1, 'more article')}` : ''}`,
    `${fileCode(s.file)} · ${first?.published ? `published ${escapeText(first.published)} · ` : ''}` +
      `${plural(statements, 'statement')} · ${plural(speakers, 'speaker')}`,
    `Added by **${escapeText(s.addedBy.username)}** ${when(s.addedAt)} ${originText(s.origin)}`,
    ...(s.missing ? ['⚠️ The file is no longer in the corpus folder.'] : []),
  ];
  return { header: '**Sources**', text: parts.join('\n'), join: '\n\n' };
}

export function sourcesLayout(a: SourcesAnswer): Layout {
  const notes = [
    a.untracked.length
      ? `${plural(a.untracked.length, 'file')} in \`added/\` came from elsewhere (no record of who added ${a.untracked.length === 1 ? 'it' : 'them'}): ${a.untracked
          .slice(0, 5)
          .map(fileCode)
          .join(', ')}${a.untracked.length > 5 ? ', …' : ''}.`
      : null,
    a.unreadable ? `${plural(a.unreadable, 'line')} of the ledger could not be read.` : null,
  ].filter((n): n is string => n !== null);
  const removed: Block[] = a.removed.map((r) => ({
    header: '**Recently removed**',
    text: `${fileCode(r.file)}${r.title ? ` (${escapeText(shorten(r.title, 150))})` : ''} by **${escapeText(r.by.username)}** ${when(r.at, 'R')}`,
    join: '\n',
  }));
  if (a.sources.length === 0) {
    return {
      frame: {
        title: 'Sources added from Discord',
        intro: [
          'No source added from Discord is in the corpus. Add one with `/corpus add-url` or `/corpus add-file`.',
          ...notes,
        ].join('\n'),
        color: COLOR.admin,
        perPage: 10,
      },
      blocks: removed,
    };
  }
  return {
    frame: {
      title: 'Sources added from Discord',
      intro: [
        `${plural(a.sources.length, 'source')}, newest first. \`/corpus remove\` takes one out.`,
        ...notes,
      ].join('\n'),
      color: COLOR.admin,
      perPage: 8,
    },
    blocks: [...a.sources.map(sourceBlock), ...removed],
  };
}

function feedName(f: { url: string; title: string | null }): string {
  return f.title ? `**${escapeText(shorten(f.title, 120))}** (${link(f.url)})` : link(f.url);
}

function feedBlock(f: FeedInfo): Block {
  const from =
    f.from === 'config'
      ? 'From the configuration (FEEDS)'
      : `Added by **${escapeText(f.addedBy?.username ?? 'someone')}**${f.addedAt ? ` ${when(f.addedAt)}` : ''}`;
  const last = f.last
    ? f.last.problem
      ? `⚠️ Last poll ${when(f.last.at, 'R')}: ${escapeText(shorten(f.last.problem, 300))}`
      : `Last new items ${when(f.last.at, 'R')}: ${f.last.added} added, ${f.last.skipped} skipped`
    : 'Nothing new from it yet';
  return {
    header: '**Feeds**',
    text: [feedName(f), `${from} · ${plural(f.items, 'item')} in the corpus`, last].join('\n'),
    join: '\n\n',
  };
}

/** What one poll of one feed did, in a few lines. */
export function feedBatchText(b: FeedBatchSummary): string {
  if (b.problem)
    return `⚠️ ${feedName({ url: b.feed, title: b.title })} could not be read: ${escapeText(b.problem)}. Nothing was added.`;
  const lines = [
    `${feedName({ url: b.feed, title: b.title })}: ${plural(b.added.length, 'new item')} added` +
      `${b.known ? `, ${b.known} seen before` : ''}${b.repeated ? `, ${plural(b.repeated, 'repeated item')} taken once` : ''}` +
      `${b.left ? `, ${b.left} left for the next poll` : ''}.`,
    ...(b.reload ? [`Reloaded in ${b.reload.ms} ms: ${countsLine(b.reload.before, b.reload.after)}.`] : []),
    ...b.added
      .slice(0, 10)
      .map(
        (a) =>
          `📥 ${a.titles.length ? `“${escapeText(shorten(a.titles[0]!, 150))}”` : fileCode(a.file)} · ${link(a.url)}`,
      ),
    ...(b.added.length > 10 ? [`and ${b.added.length - 10} more`] : []),
    ...b.skipped.slice(0, 10).map((s) => `⚠️ Skipped ${link(s.url)}: ${escapeText(shorten(s.reason, 300))}`),
    ...(b.skipped.length > 10 ? [`and ${b.skipped.length - 10} more skipped`] : []),
  ];
  return lines.join('\n');
}

export function feedsLayout(a: FeedsAnswer): Layout {
  const every = `Feeds are polled every ${a.intervalMinutes} minutes.`;
  const who = `**${escapeText(a.by.username)}**`;
  const title = { list: 'Feeds', added: 'Feed added', removed: 'Feed removed', polled: 'Feeds polled' }[
    a.action
  ];
  const intro =
    a.action === 'added' && a.feed
      ? `${who} added the feed ${feedName(a.feed)}. ${every}`
      : a.action === 'removed' && a.feed
        ? `${who} removed the feed ${feedName(a.feed)}: it is no longer polled. The ${plural(a.feed.items, 'item')} it added stay in the corpus (\`/corpus remove\` takes one out).`
        : a.feeds.length
          ? `${plural(a.feeds.length, 'feed')}. ${every} \`/corpus add-feed\` adds one, \`/corpus remove-feed\` stops one.`
          : 'No feed is polled. `/corpus add-feed` adds one; FEEDS in the configuration lists others.';
  const batches: Block[] = a.batches.map((b) => ({
    header: a.action === 'added' ? '**First poll**' : '**Poll**',
    text: feedBatchText(b),
    join: '\n\n',
  }));
  const problems = a.batches.some((b) => b.problem || b.skipped.length);
  return {
    frame: {
      title,
      intro,
      color: problems ? COLOR.warning : a.action === 'removed' ? COLOR.removed : COLOR.admin,
      perPage: 6,
    },
    blocks: [...batches, ...(a.action === 'list' || a.action === 'polled' ? a.feeds.map(feedBlock) : [])],
  };
}
