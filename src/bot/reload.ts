/**
 * /reload's log: who asked, when, and the result, one line per reload.
 * Serialising reloads is the service's job (a reload asked for while one
 * runs is queued behind it and reads the files as they are by then).
 */
import type { AnswerService } from '../answers/requests.ts';
import type { ReloadReport } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import { describeError } from './errors.ts';

export interface Requester {
  id: string;
  username: string;
  guildId: string | null;
}

export class Reloader {
  constructor(
    private readonly service: AnswerService,
    private readonly logger: Logger,
  ) {}

  reload(by: Requester): Promise<ReloadReport> {
    const requestedAt = new Date().toISOString();
    return this.service.reload().then(
      (report) => {
        this.logger.info({ event: 'reload', by, requestedAt, ...summary(report) }, 'corpus reload');
        return report;
      },
      (error: unknown) => {
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
