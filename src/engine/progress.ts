/**
 * Progress of a corpus build, for the logs: a first build of a large corpus
 * takes seconds to minutes, and a person (or a supervisor's log) should see
 * it moving. The engine reports files extracted so far; `progressLogger`
 * turns that into a few log lines: one when extraction starts, one every
 * `everyMs` with files done of total and the rate, one when it is done.
 */
import type { Logger } from '../log.ts';

/** Files whose statements have been extracted, of those this build extracts. */
export interface BuildProgress {
  done: number;
  total: number;
}

export function progressLogger(
  logger: Pick<Logger, 'info'>,
  { everyMs = 2000, now = () => performance.now() }: { everyMs?: number; now?: () => number } = {},
): (progress: BuildProgress) => void {
  let started: number | null = null;
  let last = 0;
  return ({ done, total }) => {
    const t = now();
    if (started === null || done === 0) {
      started = t;
      last = t;
      logger.info({ done, total }, 'building corpus: extracting statements');
      if (done < total) return;
    }
    if (done < total && t - last < everyMs) return;
    last = t;
    const seconds = (t - started) / 1000;
    const perSecond = seconds > 0 ? Math.round(done / seconds) : null;
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (done < total) {
      logger.info({ done, total, percent, perSecond }, `building corpus: ${done} of ${total} files`);
    } else {
      logger.info(
        { done, total, perSecond, ms: Math.round(t - started) },
        `building corpus: ${total} files extracted; indexing`,
      );
    }
  };
}
