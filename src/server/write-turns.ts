// Turns for writing large answers: at most a few are written at once, the others wait in order of arrival.

/**
 * Why: with a thousand clients asking for a 1.3 MB answer at once, writing every answer together hands the kernel a
 * thousand bodies that all finish late, and the clients the kernel happens to serve last wait seconds. Written a few
 * at a time, in the order asked, each answer is done soon after its turn comes. A turn ends when the answer is handed
 * to the kernel whole or the connection closes, and at the latest after `longestMs`, so a client that does not read
 * cannot hold up the others.
 *
 * A waiting answer starts on a later turn of the event loop than the one that ended: a client's socket takes a whole
 * answer at once while its buffers are empty, so the end of one write came straight after its start, and starting the
 * next there wrote a thousand answers back to back without a pause (measured: the event loop busy 250–500 ms at a
 * time at the start of a load, no connection accepted and no request read meanwhile).
 */
export class WriteTurns {
  private writing = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly turns: number,
    private readonly longestMs: number,
    /** Runs a function on a later turn of the event loop (setImmediate; a test's own). */
    private readonly later: (run: () => void) => void = (run) => setImmediate(run),
  ) {}

  /** Calls `write` when a turn is free, with the function that ends the turn. */
  take(write: (done: () => void) => void): void {
    if (this.writing < this.turns) this.start(write);
    else this.waiting.push(() => this.start(write));
  }

  private start(write: (done: () => void) => void): void {
    this.writing += 1;
    let ended = false;
    const done = () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      const next = this.waiting.shift();
      // The turn passes to the next answer, kept taken until it starts so that no newer one takes it first.
      if (next === undefined) this.writing -= 1;
      else
        this.later(() => {
          this.writing -= 1;
          next();
        });
    };
    const timer = setTimeout(done, this.longestMs);
    timer.unref();
    write(done);
  }
}
