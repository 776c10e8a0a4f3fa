// Test runner settings: every test file under test/, run in Node with a generous timeout for real-data tests, and
// the shared real-snapshot databases built once per run (test/support/global-setup.ts).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
