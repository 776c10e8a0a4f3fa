// Turns for writing large answers: at most a few are written at once, the others wait in order of arrival.

/**
 * Why: with a thousand clients asking for a 1.3 MB answer at once, writing every answer together hands the kernel a
 * thousand bodies that all finish late, and the clients the kernel happens to serve last wait seconds. Written a few
 * at a time, in the order asked, each answer is done soon after its turn comes. A turn ends when the answer is handed
 * to the kernel whole or the connection closes, and at the latest after `longestMs`, so a client that does not read
 * cannot hold up the others.
 */
export class WriteTurns {
  private writing = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly turns: number,
    private readonly longestMs: number,
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
      this.writing -= 1;
      this.waiting.shift()?.();
    };
    const timer = setTimeout(done, this.longestMs);
    timer.unref();
    write(done);
  }
}
