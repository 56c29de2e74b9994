/**
 * The README's container and service unit run what CI runs (issue 11): the
 * same install and build commands as `.ci/run`, and the built entry point
 * the built-bot tests start (`test/e2e/built.test.ts`). A change to one that
 * forgets the others fails here instead of in someone's deployment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

const README = read('README.md');
const CI = read('.ci/run');
const BUILT_TEST = read('test/e2e/built.test.ts');

/** The body of the README's first fenced block in `language`. */
function fenced(language: string): string {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```').exec(README);
  if (!match) throw new Error(`the README has no \`\`\`${language} block`);
  return match[1]!;
}

/** `.ci/run`'s steps: `step "label" command…` → the command. */
function ciCommands(): string[] {
  return [...CI.matchAll(/^step "[^"]*" (.+)$/gm)].map((m) => m[1]!.trim());
}

const dockerfile = fenced('Dockerfile');
const unit = fenced('ini');
const built = 'dist/src/bot/main.js';

describe("the README's deployment", () => {
  it('installs and builds with the commands CI runs', () => {
    const ci = ciCommands();
    const install = ci.find((c) => c.startsWith('npm ci'));
    const build = ci.find((c) => c === 'npm run build');
    expect(install).toBe('npm ci --no-audit --no-fund');
    expect(build).toBe('npm run build');
    const runs = [...dockerfile.matchAll(/^RUN (.+)$/gm)].map((m) => m[1]!.trim());
    expect(runs).toContain(install);
    expect(runs).toContain(build);
    // The unit's project is "built as above": the same two commands, named in its paragraph.
    expect(README).toContain(`built as above (\`${install} && ${build}\`)`);
  });

  it('starts the built bot the built-bot tests start, with node and no wrapper', () => {
    expect(BUILT_TEST).toContain(`path.join(dist, 'src/bot/main.js')`);
    expect(CI).toContain('WHOSAID_DIST=dist npm test');
    const cmd = [...dockerfile.matchAll(/^CMD (\[.+\])$/gm)].map((m) => JSON.parse(m[1]!) as string[]);
    expect(cmd.at(-1)).toEqual(['node', built]);
    expect(unit).toMatch(new RegExp(`^ExecStart=/usr/bin/node ${built.replaceAll('.', '\\.')}$`, 'm'));
    // What `npm run build` writes is where both point: tsconfig.build.json (JSON with comments)
    // compiles the project root into dist/, so src/bot/main.ts becomes dist/src/bot/main.js.
    const config = read('tsconfig.build.json');
    expect(config).toMatch(/"outDir":\s*"dist"/);
    expect(config).toMatch(/"rootDir":\s*"\."/);
    expect(existsSync(new URL('../src/bot/main.ts', import.meta.url))).toBe(true);
  });
});
