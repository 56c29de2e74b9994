/**
 * Files of the corpus folder that are not articles: those the folder's
 * `.whosaidignore` names (gitignore syntax, read with the `ignore` package:
 * `drafts/`, `*.draft.md`, `!keep.md`), passed over without a word, and the
 * notes a dataset comes with (README, LICENSE or LICENCE, COPYING, SOURCE,
 * CHANGELOG, whatever their case and extension), passed over with the
 * reason, unless the ignore file takes them back (`!README.md`).
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILE = '.whosaidignore';

/** A dataset's notes by name: README.TXT, LICENSE, LICENCE.md, SOURCE.md, CHANGELOG, README-first.txt. */
const DATASET_NOTE = /^(?:(?:readme|licen[cs]e|copying|changelog)(?:[-_][^.]*)?|sources?)(?:\..*)?$/i;

export const DATASET_NOTE_REASON =
  `the dataset's notes (README, LICENSE, SOURCE, CHANGELOG), not an article ` +
  `(a line "!<name>" in ${IGNORE_FILE} reads it)`;

export interface IgnoreRules {
  /**
   * What to do with a file or folder (`rel`, forward slashes): null to read
   * it, 'ignored' to pass over it silently, or the reason to report it as
   * skipped.
   */
  check(rel: string, isFolder: boolean): string | 'ignored' | null;
  /** Why the ignore file could not be used, if it could not. */
  problem: string | null;
}

/** The rules of `ignoreText` (the ignore file's text, null when there is none). */
export function ignoreRules(ignoreText: string | null, problem: string | null = null): IgnoreRules {
  const own: Ignore | null = ignoreText === null ? null : ignore({ ignorecase: true }).add(ignoreText);
  return {
    problem,
    check(rel, isFolder) {
      const tested = own?.test(isFolder ? `${rel}/` : rel);
      if (tested?.ignored) return 'ignored';
      if (!isFolder && !tested?.unignored && DATASET_NOTE.test(path.posix.basename(rel))) {
        return DATASET_NOTE_REASON;
      }
      return null;
    },
  };
}
