/**
 * Runs one task at a time, and folds the requests that arrive meanwhile into
 * a single follow-up run: a reload asked for while one runs waits for it,
 * then reads the files as they are by then, however many asked. This is how
 * two reloads never race, on one thread or across worker threads.
 */
export class SerialRunner<T> {
  #running: Promise<T> | null = null;
  #queued: Promise<T> | null = null;

  /** Runs `task` now, or once the running task ends (sharing that run with any other waiter). */
  run(task: () => Promise<T>): Promise<T> {
    if (!this.#running) {
      this.#running = task().finally(() => {
        this.#running = null;
      });
      return this.#running;
    }
    this.#queued ??= this.#running.then(
      () => this.#next(task),
      () => this.#next(task),
    );
    return this.#queued;
  }

  /** Resolves once no task runs or waits (failures included). */
  async idle(): Promise<void> {
    while (this.#running || this.#queued) {
      await (this.#queued ?? this.#running)!.catch(() => {});
    }
  }

  #next(task: () => Promise<T>): Promise<T> {
    this.#queued = null;
    return this.run(task);
  }
}
