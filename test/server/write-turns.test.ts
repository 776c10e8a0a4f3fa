// Turns for writing large answers: at most the given number at once, the others started in order of arrival as turns
// end, each on a later turn of the event loop than the end before it, a turn ended once however often it is ended,
// and a turn that is never ended given up after its longest time; over a socket, answers written in turns reach every
// client whole.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listen } from "../../src/server/listen.js";
import { WriteTurns } from "../../src/server/write-turns.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

describe("WriteTurns", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Functions put off to a later turn of the event loop, run when the test says. */
  let later: (() => void)[] = [];
  const putOff = (run: () => void) => later.push(run);
  const nextLoopTurn = () => {
    const due = later;
    later = [];
    for (const run of due) run();
  };
  beforeEach(() => {
    later = [];
  });

  /** Takes a turn for each name; returns the order writes started in and each one's function ending its turn. */
  function takeAll(turns: WriteTurns, names: string[]) {
    const started: string[] = [];
    const done = new Map<string, () => void>();
    for (const name of names)
      turns.take((end) => {
        started.push(name);
        done.set(name, end);
      });
    return { started, done };
  }

  it("writes at most the given number at once and starts the others in order as turns end", () => {
    const { started, done } = takeAll(new WriteTurns(2, 1000, putOff), ["a", "b", "c", "d", "e"]);
    expect(started).toEqual(["a", "b"]);
    done.get("b")!();
    nextLoopTurn();
    expect(started).toEqual(["a", "b", "c"]);
    done.get("a")!();
    done.get("c")!();
    nextLoopTurn();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("starts a waiting answer on a later turn of the event loop, its turn kept from a newer answer meanwhile", () => {
    const turns = new WriteTurns(1, 1000, putOff);
    const { started, done } = takeAll(turns, ["a", "b"]);
    done.get("a")!();
    expect(started).toEqual(["a"]);
    turns.take(() => started.push("newer"));
    expect(started).toEqual(["a"]);
    nextLoopTurn();
    expect(started).toEqual(["a", "b"]);
    done.get("b")!();
    nextLoopTurn();
    expect(started).toEqual(["a", "b", "newer"]);
  });

  it("ends a turn once, however often its end is called", () => {
    const { started, done } = takeAll(new WriteTurns(1, 1000, putOff), ["a", "b", "c"]);
    done.get("a")!();
    done.get("a")!();
    nextLoopTurn();
    expect(started).toEqual(["a", "b"]);
  });

  it("gives up a turn that is not ended after the longest time, and not before", () => {
    const { started } = takeAll(new WriteTurns(1, 1000, putOff), ["a", "b", "c"]);
    vi.advanceTimersByTime(999);
    nextLoopTurn();
    expect(started).toEqual(["a"]);
    vi.advanceTimersByTime(1);
    nextLoopTurn();
    expect(started).toEqual(["a", "b"]);
    vi.advanceTimersByTime(1000);
    nextLoopTurn();
    expect(started).toEqual(["a", "b", "c"]);
  });
});

describe("large answers over a socket", () => {
  it("reach 40 clients asking at once, each whole and equal to the answer asked alone", async () => {
    vi.useRealTimers();
    // Every answer counts as large here, so all 40 but 8 wait for a turn.
    const { server, url } = await listen(appOver(fixtureLineage("edges-and-metadata")), {
      port: 0,
      host: "127.0.0.1",
      largeAnswerBytes: 1,
    });
    try {
      const path = "/api/family?q=meta-llama";
      const alone = await fetch(url + path.slice(1)).then((response) => response.text());
      expect(JSON.parse(alone)).toHaveProperty("graph");
      const together = await Promise.all(
        Array.from({ length: 40 }, () => fetch(url + path.slice(1)).then((response) => response.text())),
      );
      expect(together.filter((body) => body === alone)).toHaveLength(40);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
