/**
 * Article metadata under the names people give it, read leniently: front
 * matter and JSON exports share one table of field names, and a value that
 * cannot be used (a date in no known format, a link that is not http(s)) is
 * left out with a warning naming the key, rather than costing the article.
 */
import { z } from 'zod';
import { CountryInputSchema } from '../../countries.ts';
import type { CountryCode } from '../../model.ts';
import { parseDate } from './dates.ts';

/** What a reader knows about an article besides its text. */
export interface ArticleMeta {
  title?: string | undefined;
  published?: string | undefined;
  publisher?: string | undefined;
  author?: string | undefined;
  url?: string | undefined;
  country?: CountryCode | undefined;
}

/**
 * The names each field goes by, first the one documented. Keys match
 * whatever their case and separators: `publishedAt`, `published_at` and
 * `Published-At` are one key. The first name present wins.
 */
export const FIELD_NAMES = {
  title: ['title', 'headline'],
  published: ['published', 'date', 'publishedAt', 'pubDate', 'datePublished', 'publishDate'],
  publisher: ['publisher', 'source', 'siteName'],
  author: ['author', 'authors', 'byline'],
  url: ['url', 'link', 'canonicalUrl'],
  country: ['country'],
  /** JSON exports only: the article's text. */
  text: ['text', 'body', 'content', 'articleBody'],
} as const;

export type Field = keyof typeof FIELD_NAMES;

/** A key as matched: lower case, without `_`, `-` or spaces. */
export const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

const FIELD_OF_KEY = new Map<string, Field>(
  Object.entries(FIELD_NAMES).flatMap(([field, names]) =>
    names.map((n) => [normaliseKey(n), field as Field]),
  ),
);

/** The field a key names, or undefined for a key no reader uses. */
export function fieldOf(key: string): Field | undefined {
  return FIELD_OF_KEY.get(normaliseKey(key));
}

/** For each field, the first key present in `record` that names it, and its value. */
export function pickFields(record: Record<string, unknown>): Map<Field, { key: string; value: unknown }> {
  const found = new Map<Field, { key: string; value: unknown; rank: number }>();
  for (const [key, value] of Object.entries(record)) {
    const field = fieldOf(key);
    if (!field || value === null || value === undefined) continue;
    const rank = FIELD_NAMES[field].findIndex((n) => normaliseKey(n) === normaliseKey(key));
    const seen = found.get(field);
    if (!seen || rank < seen.rank) found.set(field, { key, value, rank });
  }
  return found;
}

const Url = z.url({ protocol: /^https?$/ });

/**
 * The metadata in `record` (front matter or a JSON object), with a warning
 * for each value left out. `text` is not read here.
 */
export function readMeta(record: Record<string, unknown>): { meta: ArticleMeta; warnings: string[] } {
  const meta: ArticleMeta = {};
  const warnings: string[] = [];
  for (const [field, { key, value }] of pickFields(record)) {
    if (field === 'text') continue;
    const read = readField(field, value);
    if (read.ok) meta[field] = read.value as never;
    else warnings.push(`key "${key}" ${read.why}; left out`);
  }
  return { meta, warnings };
}

type Read = { ok: true; value: string } | { ok: false; why: string };

function readField(field: Exclude<Field, 'text'>, value: unknown): Read {
  switch (field) {
    case 'published': {
      const date = parseDate(value);
      return date ? { ok: true, value: date } : { ok: false, why: `is not a date (${shown(value)})` };
    }
    case 'url': {
      const url = typeof value === 'string' ? value.trim() : '';
      return Url.safeParse(url).success
        ? { ok: true, value: url }
        : { ok: false, why: 'is not an http(s) link' };
    }
    case 'country': {
      const result = CountryInputSchema.safeParse(value);
      return result.success
        ? { ok: true, value: result.data }
        : { ok: false, why: result.error.issues[0]?.message ?? 'is not a country' };
    }
    case 'title':
      return bounded(nameOf(value), 500);
    case 'publisher':
      return bounded(nameOf(value), 200);
    case 'author':
      return bounded(namesOf(value), 200);
  }
}

function bounded(value: string | null, max: number): Read {
  if (value === null || value === '') return { ok: false, why: 'is not text' };
  if (value.length > max) return { ok: false, why: `is longer than ${max} characters` };
  return { ok: true, value };
}

/** A string, or the `name` of an object (`"source": {"name": "Reuters"}`), one line. */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const name = (value as Record<string, unknown>).name;
    if (typeof name === 'string') return nameOf(name);
  }
  return null;
}

/** One name or several (a list of strings or of `{name}` objects), joined with commas. */
export function namesOf(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map(nameOf).filter((n): n is string => !!n);
  return names.length ? names.join(', ') : null;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
