// `hf-lineage family` as --help shows it. The work is in ../family.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const familySpec: CommandSpec = {
  name: "family",
  summary: "A model's or an org's family: direct children, descendants by relation and depth, ancestors",
  usage: "family ID_OR_ORG [--json]",
  options: [],
  load: () => import("../family.js"),
};
