// Connections before answers: while new connections keep arriving, requests wait (a bounded time) so that the event
// loop turns quickly and takes every waiting connection from the kernel, then the waiting requests are answered.

/**
 * Node (libuv 1.45 and later) accepts one connection per turn of the event loop, and under load a turn answers
 * every request that is ready: with a thousand busy connections, a turn takes tens of milliseconds, so a thousand
 * clients connecting at once wait in the kernel's accept queue for up to tens of seconds (measured: 9.5 s for the
 * last of 1,000 on two CPUs), their first request with them. Holding the answers while connections arrive keeps
 * each turn to one accept and a little parsing, so the whole burst is taken in well under a second.
 *
 * A connection arriving starts a burst; requests that come during a burst are held, in order; the first turn
 * without a new connection ends the burst and answers them. When connections never stop arriving, what is held is
 * answered once the oldest has waited `maxWaitMs`, so no request waits much longer than that.
 */
export class AcceptFirst {
  private held: (() => void)[] = [];
  private heldSince = 0;
  private inBurst = false;
  private connectedThisTurn = false;
  private checkScheduled = false;

  constructor(
    private readonly maxWaitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Tells of a connection just accepted. */
  connected(): void {
    this.inBurst = true;
    this.connectedThisTurn = true;
    this.scheduleCheck();
  }

  /** Runs `answer` now, or, during a burst of connections, once the burst is accepted. */
  answer(answer: () => void): void {
    if (!this.inBurst) {
      answer();
      return;
    }
    if (this.held.length === 0) this.heldSince = this.now();
    this.held.push(answer);
    this.scheduleCheck();
  }

  /** How many answers are held now. */
  get heldCount(): number {
    return this.held.length;
  }

  /** A check after the turn's I/O (setImmediate), which also keeps the next turn from waiting for I/O. */
  private scheduleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    setImmediate(() => this.check());
  }

  private check(): void {
    this.checkScheduled = false;
    const arriving = this.connectedThisTurn;
    this.connectedThisTurn = false;
    if (arriving) {
      const waitedEnough = this.held.length > 0 && this.now() - this.heldSince >= this.maxWaitMs;
      this.scheduleCheck();
      if (!waitedEnough) return;
    } else this.inBurst = false;
    const held = this.held;
    this.held = [];
    for (const answer of held) answer();
  }
}
