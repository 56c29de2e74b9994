/**
 * Where the shared evaluation data lives: `../shared` next to the repository,
 * or wherever WHOSAID_SHARED points.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.WHOSAID_SHARED?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.resolve(REPO_ROOT, '..', 'shared');
}
