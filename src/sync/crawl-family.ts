// The family crawls: `crawl --family ID` and `crawl --author ORG` reach every descendant (listings filtered by
// `base_model:ID`, recursively) and every ancestor up to the roots (one lookup per parent), a few at a time.

import { fetchModelRecord } from "../hub/model-record.js";
import { modelPages } from "../hub/model-pages.js";
import type { SourceItem } from "../ingest/record-rows.js";
import { countMissingTasks, crawlTaskList, type CrawlTask, type CrawlTaskList } from "../store/crawl-tasks.js";
import { transaction } from "../store/transaction.js";
import { beginCrawlRun, createRunWriter, type Run, type RunWriter } from "../store/runs.js";
import { CrawlAbortedError, itemOfRecord, type CrawlResult, type CrawlSession } from "./crawl-session.js";
import { runTaskPool } from "./task-pool.js";
import { assertIntact } from "../store/integrity.js";
import { finishIntact } from "./finish-intact.js";

/** Adds the tasks the saved items call for: listing the children of every model reached, looking up parents. */
function followUp(items: readonly SourceItem[], tasks: CrawlTaskList, listChildren: boolean): CrawlTask[] {
  const added: CrawlTask[] = [];
  for (const item of items) {
    if (!("rows" in item) || item.rows.model === null) continue;
    const id = item.rows.model.id;
    if (listChildren && tasks.add("children", id)) added.push({ kind: "children", target: id, nextUrl: null });
    for (const edge of item.rows.edges) {
      if (edge.parent === id || tasks.has("children", edge.parent)) continue;
      if (tasks.add("info", edge.parent)) added.push({ kind: "info", target: edge.parent, nextUrl: null });
    }
  }
  return added;
}

async function runTask(
  session: CrawlSession,
  run: Run,
  writer: RunWriter,
  tasks: CrawlTaskList,
  task: CrawlTask,
  enqueue: (task: CrawlTask) => void,
): Promise<void> {
  const report = () => {
    const { done, total } = tasks.counts();
    session.onProgress?.({
      pages: run.pagesRead,
      records: run.totals.records,
      edges: run.totals.edges,
      tasksDone: done,
      tasksTotal: total,
    });
  };
  const credentials = session.accessToken === undefined ? {} : { accessToken: session.accessToken };
  if (task.kind === "info") {
    const record = await fetchModelRecord(task.target, {
      hubUrl: session.hubUrl,
      fetch: session.fetch,
      ...credentials,
    });
    let added: CrawlTask[] = [];
    if (record === null) {
      writer.commit([], { nextUrl: null }, () => {
        tasks.markMissing("info", task.target);
        writer.noteProblem(`${task.target}: named as a base model, but the Hub has no such model (404)`);
      });
    } else {
      const item = itemOfRecord(record);
      writer.commit([item], { nextUrl: null }, () => {
        tasks.advance("info", task.target, null);
        const id = "rows" in item ? item.rows.model?.id : undefined;
        if (id !== undefined && id !== task.target) {
          writer.noteProblem(`${task.target}: the Hub answers with ${id} (renamed)`);
          // A case variant is the same repository spelled otherwise (reported by `check`), not a rename.
          if (id.toLowerCase() !== task.target.toLowerCase()) writer.noteRename(task.target, id);
        }
        added = followUp([item], tasks, false);
      });
    }
    added.forEach(enqueue);
    report();
    return;
  }
  const pages = modelPages({
    hubUrl: session.hubUrl,
    fetch: session.fetch,
    ...credentials,
    ...(task.kind === "author" ? { owner: task.target } : { tags: [`base_model:${task.target}`] }),
    resumeUrl: task.nextUrl,
  });
  for await (const page of pages) {
    const items = page.records.map(itemOfRecord);
    let added: CrawlTask[] = [];
    writer.commit(items, { nextUrl: null }, () => {
      tasks.advance(task.kind, task.target, page.nextUrl);
      added = followUp(items, tasks, true);
    });
    added.forEach(enqueue);
    report();
    if (session.signal?.aborted === true) throw new CrawlAbortedError(run);
  }
}

export async function crawlFamily(
  session: CrawlSession,
  mode: "family" | "author",
  target: string,
): Promise<CrawlResult> {
  const { store } = session;
  assertIntact(store, "before the crawl");
  const run = beginCrawlRun(store, { mode, scope: `${mode}:${target}`, source: session.hubUrl });
  const writer = createRunWriter(store, run);
  const tasks = crawlTaskList(store, run.id);
  if (!run.resumed) {
    transaction(store, () => {
      if (mode === "author") tasks.add("author", target);
      else {
        tasks.add("info", target);
        tasks.add("children", target);
      }
    });
  }
  try {
    await runTaskPool(tasks.pending(), session.concurrency, (task, enqueue) => {
      if (session.signal?.aborted === true) return Promise.reject(new CrawlAbortedError(run));
      return runTask(session, run, writer, tasks, task, enqueue);
    });
  } catch (error) {
    writer.finish("failed");
    throw error;
  }
  finishIntact(store, writer, "after the crawl", () => writer.finish("complete"));
  const missing = countMissingTasks(store, run.id);
  return { run, missing };
}
