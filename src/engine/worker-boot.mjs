// Worker threads do not inherit the TypeScript loader (tsx) of the thread
// that starts them: register it here, then load the real entry point.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
