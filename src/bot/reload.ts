/**
 * /reload's log: who asked, when, and the result, one line per reload.
 * Serialising reloads is the service's job (a reload asked for while one
 * runs is queued behind it and reads the files as they are by then).
 */
import type { AnswerService } from '../answers/requests.ts';
import type { ReloadReport } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import { describeError } from './errors.ts';
import type { AnswerMetrics } from './metrics.ts';

export interface Requester {
  id: string;
  username: string;
  guildId: string | null;
}

export class Reloader {
  constructor(
    private readonly service: AnswerService,
    private readonly logger: Logger,
    /** Counts reloads for /metrics, when the health endpoint is on. */
    private readonly metrics?: Pick<AnswerMetrics, 'reloaded'> | undefined,
  ) {}

  reload(by: Requester): Promise<ReloadReport> {
    const requestedAt = new Date().toISOString();
    const clock = performance.now();
    const seconds = () => (performance.now() - clock) / 1000;
    return this.service.reload().then(
      (report) => {
        this.metrics?.reloaded(report.ok ? 'ok' : 'failed', seconds());
        this.logger.info({ event: 'reload', by, requestedAt, ...summary(report) }, 'corpus reload');
        return report;
      },
      (error: unknown) => {
        this.metrics?.reloaded('error', seconds());
        this.logger.error(
          { event: 'reload', by, requestedAt, ok: false, error: describeError(error) },
          'corpus reload',
        );
        throw error;
      },
    );
  }
}

function summary(report: ReloadReport) {
  return {
    ok: report.ok,
    ...(report.error ? { error: report.error } : {}),
    ms: report.ms,
    added: report.added.length,
    removed: report.removed.length,
    changed: report.changed.length,
    skipped: report.skipped.map((s) => s.file),
    documents: report.after.documents,
  };
}
