// Concurrent identical requests share one computation: the first starts it, later ones wait for the same result,
// and it is stopped (through its own abort signal) only when every request waiting for it has gone.

interface Running<T> {
  result: Promise<T>;
  waiting: number;
  controller: AbortController;
}

export class SharedComputations<T> {
  private readonly running = new Map<string, Running<T>>();

  /**
   * The result of `compute` for `key`, started now or joined if one for the same key is under way. Rejects with
   * `signal`'s reason as soon as `signal` aborts; the computation itself is aborted when its last waiter leaves.
   */
  run(key: string, signal: AbortSignal, compute: (signal: AbortSignal) => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    let entry = this.running.get(key);
    if (entry === undefined) {
      const controller = new AbortController();
      const started: Running<T> = { result: (async () => compute(controller.signal))(), waiting: 0, controller };
      const forget = () => {
        if (this.running.get(key) === started) this.running.delete(key);
      };
      void started.result.then(forget, forget);
      this.running.set(key, started);
      entry = started;
    }
    const shared = entry;
    shared.waiting++;
    return new Promise<T>((resolvePromise, reject) => {
      const leave = () => {
        shared.waiting--;
        if (shared.waiting === 0) {
          // Nobody waits any more: stop it, and let a later request start afresh instead of joining a dying one.
          if (this.running.get(key) === shared) this.running.delete(key);
          shared.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener("abort", leave, { once: true });
      shared.result.then(
        (value) => {
          signal.removeEventListener("abort", leave);
          resolvePromise(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", leave);
          reject(error);
        },
      );
    });
  }
}
