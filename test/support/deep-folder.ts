/** A folder path longer than the system allows (ENAMETOOLONG), made for real, whoever runs the tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates `root/deep/` holding nested folders whose full path is longer than
 * PATH_MAX (4096 bytes), with a document at the bottom. `remove` deletes it
 * (Node's `rmSync` cannot: it passes whole paths to the system).
 */
export function deepFolder(root: string): { top: string; remove(): void } {
  const name = 'd'.repeat(250);
  const top = path.join(root, 'deep');
  mkdirSync(top);
  // One `chdir` at a time, in a child process: no path the system is given is too long.
  const script = `const fs = require('node:fs');
    process.chdir(process.argv[1]);
    for (let i = 0; i < 18; i++) { fs.mkdirSync(process.argv[2]); process.chdir(process.argv[2]); }
    fs.writeFileSync('a.md', 'Too deep to read.');`;
  execFileSync(process.execPath, ['-e', script, top, name]);
  return { top, remove: () => execFileSync('rm', ['-rf', top]) };
}
