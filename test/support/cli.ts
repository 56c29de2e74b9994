/** Runs a CLI script as a user would (`node --import tsx`), from the project folder. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The script's exit code and output; a non-zero exit is a result, not an error. */
export async function runCli(script: string, args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', script, ...args], env ? { env } : {});
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
