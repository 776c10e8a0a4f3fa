// Collections once the server is idle: none while a connection is open, the first a second after the last one
// closed and the second 5.5 s later, a wait stopped by a connection arriving and resumed at the next idle moment, none
// for a heap that has not grown; over a socket, the server's own connections start and stop the wait; and V8's heap
// is really collected in a process started without --expose-gc.

import { connect, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IdleCollection, type CollectedHeap } from "../../src/server/idle-collection.js";
import { listen } from "../../src/server/listen.js";
import { v8Heap } from "../../src/server/v8-heap.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

const TIMING = { idleMs: 1000, settleMs: 5500, minGrowth: 0.1 };

/** A heap of a given size that counts its collections; each collection brings it to `collectedSize`. */
function standInHeap(size: number, collectedSize = size) {
  const heap = { size, collections: 0 };
  const collected: CollectedHeap = {
    size: () => heap.size,
    collect: () => {
      heap.collections += 1;
      heap.size = collectedSize;
    },
  };
  return { heap, collected };
}

describe("IdleCollection", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("collects a second after the last connection closed, then 5.5 s later, never while one is open", () => {
    const { heap, collected } = standInHeap(100, 60);
    const idle = new IdleCollection(TIMING, collected);
    idle.opened();
    idle.opened();
    heap.size = 200; // the load grew the heap
    idle.closed();
    vi.advanceTimersByTime(60_000); // one connection is still open
    expect(heap.collections).toBe(0);
    idle.closed();
    vi.advanceTimersByTime(999);
    expect(heap.collections).toBe(0);
    vi.advanceTimersByTime(1);
    expect(heap.collections).toBe(1);
    vi.advanceTimersByTime(5499);
    expect(heap.collections).toBe(1);
    vi.advanceTimersByTime(1);
    expect(heap.collections).toBe(2);
    vi.advanceTimersByTime(60_000); // nothing more until connections come again
    expect(heap.collections).toBe(2);
  });

  it("stops waiting when a connection arrives and waits again from the next close", () => {
    const { heap, collected } = standInHeap(100, 60);
    const idle = new IdleCollection(TIMING, collected);
    heap.size = 200;
    idle.opened();
    idle.closed();
    vi.advanceTimersByTime(900);
    idle.opened();
    vi.advanceTimersByTime(60_000);
    expect(heap.collections).toBe(0);
    idle.closed();
    vi.advanceTimersByTime(1000);
    expect(heap.collections).toBe(1);
  });

  it("does the second collection at the next idle moment when a connection came between the two", () => {
    // The first collection leaves the heap at 95, under a tenth over the 100 it started from: only the owed second
    // collection makes the next idle moment collect.
    const { heap, collected } = standInHeap(100, 95);
    const idle = new IdleCollection(TIMING, collected);
    heap.size = 200;
    idle.opened();
    idle.closed();
    vi.advanceTimersByTime(1000);
    expect(heap.collections).toBe(1);
    idle.opened();
    vi.advanceTimersByTime(60_000);
    expect(heap.collections).toBe(1);
    idle.closed();
    vi.advanceTimersByTime(1000 + 5500);
    expect(heap.collections).toBe(3);
    idle.opened();
    idle.closed();
    vi.advanceTimersByTime(60_000); // 95, settled: no growth
    expect(heap.collections).toBe(3);
  });

  it("leaves a heap alone that has not grown by a tenth since it was last collected", () => {
    const { heap, collected } = standInHeap(100, 100);
    const idle = new IdleCollection(TIMING, collected);
    heap.size = 109; // 9% over the 100 it started from
    idle.opened();
    idle.closed();
    vi.advanceTimersByTime(60_000);
    expect(heap.collections).toBe(0);
    heap.size = 90; // V8 shrank it: growth is measured from here
    idle.opened();
    idle.closed();
    vi.advanceTimersByTime(60_000);
    expect(heap.collections).toBe(0);
    heap.size = 100; // 11% over 90
    idle.opened();
    idle.closed();
    vi.advanceTimersByTime(60_000);
    expect(heap.collections).toBe(2);
  });
});

describe("the idle collection over a socket", () => {
  it("collects only once the server's last connection has closed", async () => {
    const { heap, collected } = standInHeap(100, 60);
    const { server } = await listen(appOver(fixtureLineage("edges-and-metadata")), {
      port: 0,
      host: "127.0.0.1",
      heap: collected,
    });
    const port = (server.address() as { port: number }).port;
    const open = () =>
      new Promise<Socket>((resolvePromise, reject) => {
        const socket = connect(port, "127.0.0.1", () => resolvePromise(socket)).on("error", reject);
      });
    const closed = (socket: Socket) => new Promise<void>((done) => socket.once("close", () => done()).end());
    const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
    try {
      const [first, second] = await Promise.all([open(), open()]);
      heap.size = 200;
      await closed(first!);
      await sleep(1500); // the second connection is still open
      expect(heap.collections).toBe(0);
      await closed(second!);
      await sleep(1500);
      expect(heap.collections).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

describe("v8Heap", () => {
  it("collects V8's heap in a process started without --expose-gc", async () => {
    expect(typeof globalThis.gc).toBe("undefined");
    let target: object | null = { payload: new Array(1000).fill("garbage") };
    const ref = new WeakRef(target);
    target = null;
    // A WeakRef keeps its target alive until the end of the turn that made or read it.
    await new Promise((done) => setImmediate(done));
    v8Heap.collect();
    expect(ref.deref()).toBeUndefined();
  });
});
