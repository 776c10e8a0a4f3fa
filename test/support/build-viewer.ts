// Builds the viewer from web/ with Vite into a fresh temporary folder (the caller removes it), for the browser
// tests and the rendering benchmark, so they run the current sources rather than whatever web/dist holds.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";

export async function buildViewer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "hf-lineage-web-"));
  const configFile = resolve(process.cwd(), "web/vite.config.ts");
  await build({ configFile, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}
