/**
 * Everything the bot itself says (as opposed to answers, which the renderer
 * writes): refusals, rate limits, expired buttons, failures. One place, so the
 * wording stays consistent and short.
 */
import type { ReloadReport } from '../answers/types.ts';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const replies = {
  /** `<t:…:R>` is Discord's relative time ("in 4 seconds"), shown in each reader's own clock. */
  rateLimited: (retryAtMs: number, waitMs: number, budget: { burst: number; refillSeconds: number }) =>
    `You're asking quickly: try again <t:${Math.ceil(retryAtMs / 1000)}:R> (in ${Math.ceil(waitMs / 1000)} s). ` +
    (budget.burst === 1
      ? `Everyone can ask one question every ${budget.refillSeconds} s.`
      : `Everyone can ask ${budget.burst} questions in a row, then one more every ${budget.refillSeconds} s.`),
  needsManageServer: 'Only members with the **Manage Server** permission can reload the corpus.',
  guildOnly: 'This command only works in a server.',
  notYourButtons:
    'Only the person who asked can turn these pages. Run the command yourself to get your own copy.',
  expiredButtons: 'These buttons have expired (after 15 minutes). Run the command again.',
  busyButtons:
    'These buttons stopped working early: the bot was busy and keeps the pages of only so many recent answers. Run the command again.',
  restartedButtons: 'These buttons stopped working when the bot restarted. Run the command again.',
  unknownButton: 'This button is no longer valid. Run the command again.',
  unknownCommand: 'This command is not available any more. Ask a moderator to run `npm run deploy`.',
  invalidRequest: (detail: string) => `That request is not valid: ${detail}.`,
  /** Options Discord checks for the commands it has: wrong ones mean its copy of the commands is stale (or forged). */
  invalidOptions: (detail: string) =>
    `That request is not valid: ${detail}. If the command looks out of date, ask a moderator to run \`npm run deploy\`.`,
  failed: 'Something went wrong while answering. It has been logged; please try again in a moment.',
  engineRestarting: 'The engine is restarting; try again in a few seconds.',
  /** A query still running when the bot stops: said in place of its "thinking…". */
  restarting: 'The bot is restarting; run the command again in a minute.',
  /** A reload's result, when Discord did not take its full report. */
  reloaded: (report: ReloadReport) =>
    (report.ok
      ? `The corpus was reloaded in ${report.ms} ms: ${count(report.after.documents, 'document')} (${count(report.before.documents, 'document')} before).`
      : `The reload failed after ${report.ms} ms; the previous corpus is still being served.`) +
    ' Discord did not take the full report; it is in the logs.',
  shuttingDown:
    'The bot is restarting, so this reload did not finish and nothing changed. Run `/reload` again in a minute.',
} as const;
