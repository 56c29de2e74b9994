/** Corpus management answers as terminal text (the CLI's `--json` aside, mostly for logs and tests). */
import type {
  DocumentSummary,
  DocumentsAnswer,
  FeedsAnswer,
  SourceChangeAnswer,
  SourceOrigin,
  SourcesAnswer,
} from '../answers/sources.ts';
import { plural } from './plural.ts';

function origin(o: SourceOrigin): string {
  if (o.kind === 'feed') return `from ${o.finalUrl} (feed ${o.feed})`;
  return o.kind === 'url' ? `from ${o.finalUrl}` : `from the attachment ${o.name}`;
}

export function documentText(d: DocumentSummary): string {
  const speakers = d.speakers.map((s) => `${s.name} (${s.statements})`).join(', ');
  return [
    `${d.title} [${d.id}]`,
    `   ${d.published ? `published ${d.published}` : 'no date'}${d.publisher ? `, ${d.publisher}` : ''}${d.url ? `, ${d.url}` : ''}`,
    `   ${plural(d.paragraphs, 'paragraph')}, ${plural(d.sentences, 'sentence')}, ${plural(d.statements, 'statement')} (${plural(d.denials, 'denial')}), ${plural(d.speakers.length, 'speaker')}${speakers ? `: ${speakers}` : ''}`,
    ...d.warnings.map((w) => `   warning: ${w}`),
  ].join('\n');
}

export function renderDocumentsText(a: DocumentsAnswer): string {
  if (a.documents.length) return a.documents.map(documentText).join('\n');
  return a.skipped ? `${a.file} was skipped: ${a.skipped.reason}` : `No document comes from ${a.file}.`;
}

export function renderSourceChangeText(a: SourceChangeAnswer): string {
  const { before, after } = a.reload;
  return [
    `${a.by.username} ${a.action} ${a.file}${a.origin ? ` ${origin(a.origin)}` : ''}.`,
    `Reloaded in ${a.reload.ms} ms: ${plural(after.documents, 'document')} (was ${before.documents}), ${plural(after.statements, 'statement')} (was ${before.statements}).`,
    ...a.warnings.map((w) => `Warning: ${w}`),
    ...a.documents.map(documentText),
  ].join('\n');
}

export function renderSourcesText(a: SourcesAnswer): string {
  const lines = a.sources.length
    ? a.sources.map(
        (s) =>
          `${s.file}: ${s.documents[0]?.title ?? '(nothing read)'}; added by ${s.addedBy.username} at ${s.addedAt} ${origin(s.origin)}${s.missing ? ' (file missing)' : ''}`,
      )
    : ['No source added from Discord is in the corpus.'];
  if (a.removed.length)
    lines.push('Recently removed:', ...a.removed.map((r) => `  ${r.file} by ${r.by.username} at ${r.at}`));
  if (a.untracked.length) lines.push(`In added/ without a record: ${a.untracked.join(', ')}`);
  return lines.join('\n');
}

export function renderFeedsText(a: FeedsAnswer): string {
  const lines = [
    a.feed
      ? `${a.by.username} ${a.action} the feed ${a.feed.url}.`
      : `${a.feeds.length} feeds, polled every ${a.intervalMinutes} minutes.`,
  ];
  for (const b of a.batches) {
    if (b.problem) lines.push(`${b.feed}: could not be read: ${b.problem}`);
    else
      lines.push(
        `${b.feed}: ${b.added.length} added, ${b.skipped.length} skipped, ${b.known} seen before, ${b.repeated} repeated, ${b.left} left`,
        ...b.added.map((x) => `  added ${x.file} from ${x.url}`),
        ...b.skipped.map((x) => `  skipped ${x.url}: ${x.reason}`),
      );
  }
  if (a.action === 'list' || a.action === 'polled')
    lines.push(
      ...a.feeds.map(
        (f) =>
          `${f.url} (${f.from}): ${plural(f.items, 'item')}${f.last?.problem ? `; last problem: ${f.last.problem}` : ''}`,
      ),
    );
  return lines.join('\n');
}
