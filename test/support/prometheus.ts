/** Reading Prometheus text exposition in tests, and fetching the health endpoint. */

/**
 * The value of the sample `name` whose labels are exactly `labels`, or
 * undefined when there is none (a histogram's buckets have an `le` label,
 * so `whosaid_answer_seconds_count{command="search"}` is read by its own name).
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    const wanted = Object.entries(labels);
    if (Object.keys(got).length === wanted.length && wanted.every(([k, v]) => got[k] === v)) {
      return Number(match[3]);
    }
  }
  return undefined;
}

/** The `# TYPE` line of a metric: counter, gauge, histogram. */
export function typeOf(text: string, name: string): string | undefined {
  return new RegExp(`^# TYPE ${name} (\\w+)$`, 'm').exec(text)?.[1];
}

export interface Fetched {
  status: number;
  body: string;
  headers: Headers;
}

export async function get(url: string, init: RequestInit = {}): Promise<Fetched> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Listening TCP servers of this process (the health endpoint, a fake Discord server …). */
export function listeningServers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
}
