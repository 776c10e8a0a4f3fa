// Temporary folders for the files a test writes, made on demand and removed together when the test file ends.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const folders: string[] = [];

/** A fresh temporary folder, removed by removeScratchFolders (call it in afterAll). */
export function scratchFolder(prefix = "hf-lineage-test-"): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

export function removeScratchFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
