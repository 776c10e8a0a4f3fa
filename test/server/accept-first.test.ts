// Connections before answers: answers held while connections arrive are given, in order, at the first event-loop
// turn without a new connection, or once the oldest has waited the longest allowed; outside a burst, at once. Over a
// socket, a burst of connections to the real snapshot all get the very bytes the app answers with.

import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { AcceptFirst } from "../../src/server/accept-first.js";
import { listen } from "../../src/server/listen.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

/** One turn of the event loop: resolves after the checks already scheduled with setImmediate have run. */
const turn = () => new Promise<void>((done) => setImmediate(done));

describe("AcceptFirst", () => {
  it("answers at once when no connection is arriving", () => {
    const answered: string[] = [];
    const gate = new AcceptFirst(50);
    gate.answer(() => answered.push("a"));
    expect(answered).toEqual(["a"]);
    expect(gate.heldCount).toBe(0);
  });

  it("holds answers while connections arrive and gives them in order at the first turn without one", async () => {
    const answered: string[] = [];
    const gate = new AcceptFirst(50, () => 0);
    gate.connected();
    gate.answer(() => answered.push("a"));
    gate.answer(() => answered.push("b"));
    expect(gate.heldCount).toBe(2);
    await turn(); // a connection arrived in this turn: still held
    expect(answered).toEqual([]);
    gate.connected();
    gate.answer(() => answered.push("c"));
    await turn(); // another arrived
    expect(answered).toEqual([]);
    expect(gate.heldCount).toBe(3);
    await turn(); // none arrived: the burst is over
    expect(answered).toEqual(["a", "b", "c"]);
    expect(gate.heldCount).toBe(0);
    gate.answer(() => answered.push("d"));
    expect(answered).toEqual(["a", "b", "c", "d"]);
  });

  it("gives what it holds once the oldest has waited the longest allowed, while connections arrive", async () => {
    const answered: string[] = [];
    let clock = 0;
    const gate = new AcceptFirst(50, () => clock);
    gate.connected();
    gate.answer(() => answered.push("a"));
    // A connection in every turn, 10 ms apart: "a" was held at 0 ms, so it goes at the check at 50 ms.
    for (const at of [10, 20, 30, 40]) {
      clock = at;
      gate.connected();
      await turn();
      expect(answered).toEqual([]);
    }
    clock = 50;
    gate.connected();
    gate.answer(() => answered.push("b"));
    await turn();
    expect(answered).toEqual(["a", "b"]);
    // The burst goes on: the next answer is held again, from 50 ms.
    gate.answer(() => answered.push("c"));
    expect(gate.heldCount).toBe(1);
    clock = 60;
    gate.connected();
    await turn();
    expect(answered).toEqual(["a", "b"]);
    await turn(); // none arrived

    expect(answered).toEqual(["a", "b", "c"]);
  });
});

describe("a burst of connections over a socket", () => {
  it("gives each of 200 clients connecting at once the app's own answer", async () => {
    const CLIENTS = 200;
    const path = `/api/family?q=${encodeURIComponent("meta-llama")}`;
    const app = appOver(fixtureLineage("edges-and-metadata"));
    const expected = Buffer.from(await (await app(new Request(`http://localhost${path}`))).arrayBuffer());
    const { server } = await listen(app, { port: 0, host: "127.0.0.1" });
    const port = (server.address() as { port: number }).port;
    try {
      // agent: false opens a connection of its own for each request, all at once.
      const answers = await Promise.all(
        Array.from(
          { length: CLIENTS },
          () =>
            new Promise<{ status: number; bytes: Buffer }>((resolvePromise, reject) => {
              httpRequest({ port, host: "127.0.0.1", path, agent: false }, (incoming) => {
                const chunks: Buffer[] = [];
                incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
                incoming.on("end", () =>
                  resolvePromise({ status: incoming.statusCode ?? 0, bytes: Buffer.concat(chunks) }),
                );
              })
                .on("error", reject)
                .end();
            }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: CLIENTS }, () => 200));
      expect(answers.filter((answer) => answer.bytes.equals(expected))).toHaveLength(CLIENTS);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
