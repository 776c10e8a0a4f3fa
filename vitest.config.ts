// Test runner settings: every test file under test/, run in Node with a generous timeout for real-data tests, and
// the shared real-snapshot databases built once per run (test/support/global-setup.ts).
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Worker threads start faster than forked processes. Many tests wait on child processes (the built CLI, the
    // oracle, jing, Chromium), so two files at a time keep two cores busy; vitest's default (cores - 1) ran one.
    pool: "threads",
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
