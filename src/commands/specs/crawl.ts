// `hf-lineage crawl` as --help shows it: its usage and options. The work is in ../crawl.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const crawlSpec: CommandSpec = {
  name: "crawl",
  summary: "Crawl Hub metadata into the database (all models, an org's or a model's family, or what changed)",
  usage: [
    "crawl --all",
    "crawl --author ORG",
    "crawl --family ID",
    "crawl --author-kinds",
    "crawl            (what changed since the last full or incremental crawl)",
  ].join("\n"),
  options: [
    { name: "all", help: "every public model, 500 a page" },
    { name: "author", value: "ORG", help: "an org's models, all their descendants, and the ancestors of all of them" },
    { name: "family", value: "ID", help: "one model, all its descendants, and the ancestors of all of them" },
    {
      name: "author-kinds",
      help:
        "ask the Hub whether each author of the stored models is an organisation or a user (one or two requests " +
        "per author not asked before; the report counts them)",
    },
    {
      name: "endpoint",
      value: "URL",
      help: "the Hub to crawl (default: HF_ENDPOINT, else https://huggingface.co); HF_TOKEN is sent if set",
    },
    {
      name: "concurrency",
      value: "N",
      help: "family, org and author-kind crawls: requests in flight at most (default 4)",
    },
  ],
  createsDatabase: true,
  load: () => import("../crawl.js"),
};
