// Full garbage collections once the server has no open connection for a moment after its heap grew: V8 gives back
// the memory a burst of connections left only when it next collects, and an idle server causes no collection.

/** What is measured and collected: V8's heap (v8-heap.ts), or a stand-in in tests. */
export interface CollectedHeap {
  /** The bytes the heap holds now. */
  size(): number;
  /** Collects it, whole. */
  collect(): void;
}

/**
 * Measured on the load bench (1,000 connections on the largest family view): after the load, V8's young generation
 * stayed at its largest (32 MB on Node 20) and the old one held the closed connections' garbage, the heap at 109 MB
 * with 76 MB used (13 MB live) for the 30 s watched, resident memory 26% over idle. A full collection then gives it
 * back, but only V8 decides when one comes, and an idle server allocates nothing to bring one.
 *
 * Two collections, 10–50 ms each: the first, `idleMs` after the last connection closed, frees the old generation's
 * garbage; the second, `settleMs` later, also shrinks the young generation, which V8 does only when it has seen
 * little allocated over the last 5 s (Node 20; on Node 24, 2 s): the first collection ends the span in which the
 * load's allocations are counted. A connection arriving stops the wait (a request meets a collection only if it
 * comes during those milliseconds), and what was not done is done at the next idle moment. A heap that has not grown
 * by `minGrowth` (a fraction) since the last collections is left alone, so a client asking now and then (a health
 * check) does not cost collections each time.
 */
export class IdleCollection {
  private open = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The heap's size after the last collections, to measure growth from. */
  private settledSize: number;
  /** The first collection is done and the second still owed. */
  private owed = false;

  constructor(
    private readonly timing: { idleMs: number; settleMs: number; minGrowth: number },
    private readonly heap: CollectedHeap,
  ) {
    this.settledSize = heap.size();
  }

  /** Tells of a connection accepted. */
  opened(): void {
    this.open += 1;
    this.stop();
  }

  /** Tells of a connection closed: the last one starts the wait. */
  closed(): void {
    this.open -= 1;
    if (this.open === 0 && this.timer === null) this.wait(this.timing.idleMs, () => this.first());
  }

  /** Stops a wait under way (a connection arrived, or the server is closing). */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private wait(ms: number, then: () => void): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      then();
    }, ms);
    // The wait never keeps the process alive on its own.
    this.timer.unref();
  }

  private first(): void {
    const size = this.heap.size();
    if (!this.owed && size < this.settledSize * (1 + this.timing.minGrowth)) {
      // A heap that V8 has shrunk on its own is the one to measure growth from.
      this.settledSize = Math.min(this.settledSize, size);
      return;
    }
    this.heap.collect();
    this.owed = true;
    this.wait(this.timing.settleMs, () => this.second());
  }

  private second(): void {
    this.heap.collect();
    this.owed = false;
    this.settledSize = this.heap.size();
  }
}
