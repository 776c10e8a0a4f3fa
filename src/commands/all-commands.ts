// The list of commands the command line offers, in the order --help shows them.

import { ancestorsCommand } from "./ancestors.js";
import { checkCommand } from "./check.js";
import type { Command } from "./command.js";
import { crawlCommand } from "./crawl.js";
import { exportCommand } from "./export.js";
import { familyCommand } from "./family.js";
import { importCommand } from "./import.js";
import { serveCommand } from "./serve.js";
import { statsCommand } from "./stats.js";
import { summaryCommand } from "./summary.js";
import { topCommand } from "./top.js";
import { treeCommand } from "./tree.js";

export const COMMANDS: Command[] = [importCommand, crawlCommand, summaryCommand, statsCommand, familyCommand, ancestorsCommand, treeCommand, topCommand, checkCommand, exportCommand, serveCommand];
