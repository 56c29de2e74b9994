/**
 * /reload's engine side: one reload at a time (a second request while one
 * runs shares its result), and a log line for each: who, when, result.
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
  private running: Promise<ReloadReport> | null = null;

  constructor(
    private readonly service: AnswerService,
    private readonly logger: Logger,
  ) {}

  reload(by: Requester): Promise<ReloadReport> {
    const requestedAt = new Date().toISOString();
    this.running ??= this.service.reload().finally(() => {
      this.running = null;
    });
    return this.running.then(
      (report) => {
        this.logger.info({ event: 'reload', by, requestedAt, ...summary(report) }, 'corpus reload');
        return report;
      },
      (error: unknown) => {
        this.logger.error(
          { event: 'reload', by, requestedAt, ok: false, err: describeError(error) },
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
