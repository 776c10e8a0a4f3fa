// A point where a long computation for a client lets other work run and stops if nobody waits for it any more:
// it yields to the event loop once (so a closed connection is noticed) and throws the signal's reason if aborted.

/** Yields once to the event loop, then throws the signal's reason when its request has gone. */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  await new Promise<void>((resolvePromise) => setImmediate(resolvePromise));
  signal.throwIfAborted();
}
