// `hf-lineage serve`: the JSON API and the built viewer over HTTP, on 127.0.0.1 unless --host says otherwise. The
// lineage index is read at start and again when an import or crawl stores a newer one; the Hub token is never
// handed to the server.

import { spawn } from "node:child_process";
import { join } from "node:path";
import { newerStoredLineage, openIndexedLineage } from "../graph/indexed-lineage.js";
import { createApp } from "../server/app.js";
import { listen } from "../server/listen.js";
import { CommandError, UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount } from "../vocabulary/count-text.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

function corsOrigin(value: unknown): string | null {
  if (value === undefined) return null;
  const text = String(value);
  let origin: string | null = null;
  try {
    origin = new URL(text).origin;
  } catch {
    origin = null;
  }
  if (origin === null || origin === "null" || origin !== text)
    throw new UsageError(
      `--cors takes one origin such as http://localhost:5173 (scheme, host, port; no path), got "${text}"`,
    );
  return origin;
}

/** Why the server could not listen, as one line: the port is taken or refused, or the host is no address here. */
function listenFailure(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EADDRINUSE":
      return new CommandError(`port ${port} on ${host} is in use by another program; stop it or give another --port`);
    case "EACCES":
      return new CommandError(
        `may not listen on port ${port} of ${host} (permission denied); give a --port above 1023`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new UsageError(`--host "${host}" names no address this machine can find; give one such as 127.0.0.1`);
    case "EADDRNOTAVAIL":
      return new UsageError(`--host ${host} is not an address of this machine; give one such as 127.0.0.1`);
    default:
      return error;
  }
}

function openBrowser(url: string): void {
  const [program, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  const child = spawn(program, args, { stdio: "ignore", detached: true });
  child.on("error", () => {});
  child.unref();
}

export async function run({ values, output, openStore, packageRoot }: CommandContext): Promise<number | void> {
  const port = wholeNumberOption(values, "port", 8787, { min: 0, max: 65_535 });
  const host = typeof values.host === "string" ? values.host : "127.0.0.1";
  if (host.trim().length === 0) throw new UsageError("--host must name an address, such as 127.0.0.1");
  const cors = corsOrigin(values.cors);
  const started = performance.now();
  const store = await openStore();
  const lineage = openIndexedLineage(store);
  const log = (message: string) => output.err(`${message}\n`);
  const newerLineage = (served: number) => newerStoredLineage(store, served);
  const app = createApp({ lineage, newerLineage, webRoot: join(packageRoot, "web", "dist"), corsOrigin: cors, log });
  const { server, url } = await listen(app, { port, host, log }).catch((error: unknown) => {
    throw listenFailure(error, host, port);
  });
  output.err(
    `hf-lineage: ${formatCount(lineage.index.models)} models loaded ` +
      `in ${Math.round(performance.now() - started)} ms; serving ${url} (Ctrl-C to stop)\n`,
  );
  if (!LOOPBACK.has(host)) output.err(`hf-lineage: bound to ${host}: the API is reachable from other machines\n`);
  if (values.open === true) openBrowser(url);
  await new Promise<void>((resolvePromise) => {
    const stop = () => server.close(() => resolvePromise());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
