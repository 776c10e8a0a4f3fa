// The commands the command line offers, in the order --help shows them, and the options they all take. Only the
// specs are imported here, so that --help loads no command's work.

import type { CommandSpec, OptionSpec } from "./command.js";
import { adaptersSpec } from "./specs/adapters.js";
import { ancestorsSpec } from "./specs/ancestors.js";
import { checkSpec } from "./specs/check.js";
import { crawlSpec } from "./specs/crawl.js";
import { exportSpec } from "./specs/export.js";
import { familySpec } from "./specs/family.js";
import { importSpec } from "./specs/import.js";
import { licensesSpec } from "./specs/licenses.js";
import { pathSpec } from "./specs/path.js";
import { quantsSpec } from "./specs/quants.js";
import { reportSpec } from "./specs/report.js";
import { serveSpec } from "./specs/serve.js";
import { siblingsSpec } from "./specs/siblings.js";
import { statsSpec } from "./specs/stats.js";
import { summarySpec } from "./specs/summary.js";
import { topSpec } from "./specs/top.js";
import { treeSpec } from "./specs/tree.js";

export const COMMANDS: CommandSpec[] = [
  importSpec,
  crawlSpec,
  summarySpec,
  statsSpec,
  familySpec,
  ancestorsSpec,
  treeSpec,
  quantsSpec,
  adaptersSpec,
  licensesSpec,
  pathSpec,
  siblingsSpec,
  topSpec,
  checkSpec,
  reportSpec,
  exportSpec,
  serveSpec,
];

/** The options every command takes besides its own. */
export const SHARED_OPTIONS: OptionSpec[] = [
  { name: "db", value: "PATH", help: "the database to use (default: the bundled snapshot, built on first use)" },
  { name: "json", help: "print JSON for scripts" },
  { name: "debug", help: "on a failure, print the stack trace too" },
];

/** The help option, which every command takes too and the command line answers before running anything. */
export const HELP_OPTION = { name: "help", short: "h", help: "show this help" } satisfies OptionSpec;
