/**
 * What a transport (Discord command, CLI) may ask the engine. Requests are
 * plain, serialisable objects so the engine can live in-process (CLI, tests)
 * or on a worker thread (the bot) behind the same `AnswerService` interface.
 */
import { z } from 'zod';
import type { Answer, CountryInfo, ReloadReport, SpeakerInfo } from './types.ts';

/**
 * Longest accepted inputs, in characters; slash-command options declare the same. A citation is a
 * sentence id, and a document id is a path in the corpus folder: up to 4,095 characters (PATH_MAX)
 * and the `:<paragraph>.<sentence>` after it (Discord allows options of up to 6,000).
 */
export const MAX_LENGTH = { query: 300, speaker: 100, country: 60, citation: 4200 } as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('search'),
    query: text(MAX_LENGTH.query),
    limit: z.number().int().positive().max(200).optional(),
  }),
  z.object({
    type: z.literal('who-said'),
    query: text(MAX_LENGTH.query),
    speaker: text(MAX_LENGTH.speaker).optional(),
    country: text(MAX_LENGTH.country).optional(),
    limit: z.number().int().positive().max(200).optional(),
  }),
  z.object({
    type: z.literal('deny'),
    country: text(MAX_LENGTH.country),
    topic: text(MAX_LENGTH.query).optional(),
    limit: z.number().int().positive().max(200).optional(),
  }),
  z.object({
    type: z.literal('claims'),
    country: text(MAX_LENGTH.country),
    topic: text(MAX_LENGTH.query).optional(),
    limit: z.number().int().positive().max(200).optional(),
  }),
  z.object({ type: z.literal('quotes'), speaker: text(MAX_LENGTH.speaker) }),
  z.object({ type: z.literal('source'), citation: text(MAX_LENGTH.citation) }),
  z.object({ type: z.literal('corpus') }),
  /** What one corpus file was read as (after /corpus add-url or add-file): its documents, or why it was skipped. */
  z.object({ type: z.literal('documents'), file: text(MAX_LENGTH.citation) }),
]);
export type Request = z.infer<typeof RequestSchema>;

/** Small, in-memory lists for autocomplete: never more than the corpus holds. */
export interface Catalog {
  countries: (CountryInfo & { statements: number; denials: number })[];
  speakers: (SpeakerInfo & { statements: number })[];
}

export interface AnswerService {
  /** Answers one request. Rejects only on an engine fault, never on "no match". */
  ask(request: Request): Promise<Answer>;
  /** Autocomplete data for the corpus currently served. */
  catalog(): Catalog;
  /** Re-reads the corpus; the old one keeps serving until the new one is complete. */
  reload(): Promise<ReloadReport>;
  close(): Promise<void>;
}
