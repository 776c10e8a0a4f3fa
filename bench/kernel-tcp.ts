// What the kernel says about TCP during a load run, for the server benchmarks: the listen-queue and retransmission
// counters of /proc/net/netstat and /proc/net/snmp (for the whole network namespace, so other programs add to
// them), the limits that bound a listen backlog, and how many connections wait in a listening socket's accept queue.

import { readFileSync } from "node:fs";

/** The counters reported, by their names in /proc/net/netstat (TcpExt) and /proc/net/snmp (Tcp). */
export const TCP_COUNTERS = {
  /** A connection completed the handshake while the accept queue was full. */
  ListenOverflows: "accept queue overflowed",
  /** A SYN or a completed connection dropped at a listening socket, for any reason. */
  ListenDrops: "dropped at a listening socket",
  /** SYNs sent again (a client waits 1 s, then 3 s, 7 s... for each). */
  TCPSynRetrans: "SYN retransmits",
  /** Retransmission timeouts (at least 200 ms each). */
  TCPTimeouts: "retransmission timeouts",
  /** Probes of a peer advertising a zero window (a reader that has fallen behind). */
  TCPWinProbe: "zero-window probes",
  /** Times TCP memory crossed net.ipv4.tcp_mem's pressure threshold. */
  TCPMemoryPressures: "memory pressure",
  /** Receive queues pruned for lack of memory. */
  PruneCalled: "receive queues pruned",
} as const;

export type TcpCounters = Record<keyof typeof TCP_COUNTERS, number>;

/** Every "Name: a b c / Name: 1 2 3" pair of lines of a /proc/net file as one map. */
function readPairedTable(path: string): Map<string, number> {
  const values = new Map<string, number>();
  const lines = readFileSync(path, "utf8").trim().split("\n");
  for (let line = 0; line + 1 < lines.length; line += 2) {
    const [prefix, ...names] = lines[line]!.split(/\s+/);
    const numbers = lines[line + 1]!.split(/\s+/).slice(1);
    names.forEach((name, column) => values.set(`${prefix}${name}`, Number(numbers[column])));
  }
  return values;
}

/** The counters now, machine-wide (the network namespace). */
export function readTcpCounters(): TcpCounters {
  const values = new Map([...readPairedTable("/proc/net/netstat"), ...readPairedTable("/proc/net/snmp")]);
  const counters = {} as TcpCounters;
  for (const name of Object.keys(TCP_COUNTERS) as (keyof typeof TCP_COUNTERS)[])
    counters[name] = values.get(`TcpExt:${name}`) ?? values.get(`Tcp:${name}`) ?? 0;
  return counters;
}

/** What each counter grew by between two readings. */
export function countersSince(before: TcpCounters, after: TcpCounters): TcpCounters {
  const grown = {} as TcpCounters;
  for (const name of Object.keys(TCP_COUNTERS) as (keyof typeof TCP_COUNTERS)[])
    grown[name] = after[name] - before[name];
  return grown;
}

/** A sysctl under /proc/sys as text ("net.core.somaxconn" → "4096"), or null when it cannot be read. */
export function sysctl(name: string): string | null {
  try {
    return readFileSync(`/proc/sys/${name.replaceAll(".", "/")}`, "utf8")
      .trim()
      .replaceAll("\t", " ");
  } catch {
    return null;
  }
}

/**
 * Connections waiting in the accept queue of the IPv4 socket listening on `port` (the rx_queue of its
 * /proc/net/tcp line: for a listening socket, connections the kernel has completed and the server not yet taken),
 * or null when no such socket is found.
 */
export function acceptQueueLength(port: number): number | null {
  const local = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    // sl, local_address, rem_address, st (0A: LISTEN), tx_queue:rx_queue, ...
    if (fields[1]?.endsWith(local) && fields[3] === "0A") return parseInt(fields[4]!.split(":")[1]!, 16);
  }
  return null;
}
