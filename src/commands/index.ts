// The commands of the command line, in the order `hf-lineage help` lists them.
import type { Command } from "./command.js";

export const COMMANDS: Command[] = [];
