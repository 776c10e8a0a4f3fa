// `hf-lineage serve` as --help shows it: its usage and options. The work is in ../serve.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const serveSpec: CommandSpec = {
  name: "serve",
  summary: "Serve the viewer and the JSON API (http://127.0.0.1:8787/ by default)",
  usage: "serve [--port N] [--host H] [--open] [--cors ORIGIN]",
  options: [
    { name: "port", value: "N", help: "port to listen on (default 8787; 0 picks a free one)" },
    {
      name: "host",
      value: "H",
      help: "address to bind (default 127.0.0.1; anything else exposes the API to the network)",
    },
    { name: "open", help: "open the viewer in the default browser" },
    { name: "cors", value: "ORIGIN", help: "allow this one origin to call the API from another site (default: none)" },
  ],
  load: () => import("../serve.js"),
};
