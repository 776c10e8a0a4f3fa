// A failed or interrupted export never leaves a truncated file under the requested name: an existing file keeps
// its content, the temporary file is removed, and Ctrl-C (SIGINT) mid-export cleans up too.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeAtomically } from "../../src/export/atomic-output.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(removeScratchFolders);

describe("writeAtomically", () => {
  it("renames complete files into place and leaves no temporary behind", async () => {
    const dir = scratchFolder();
    const paths = [join(dir, "nodes.csv"), join(dir, "edges.csv")];
    await writeAtomically(paths, async ([nodes, edges]) => {
      nodes!.write("id\r\n");
      edges!.write("parent,child\r\n");
    });
    expect(readdirSync(dir).sort()).toEqual(["edges.csv", "nodes.csv"]);
    expect(readFileSync(paths[0]!, "utf8")).toBe("id\r\n");
  });

  it("keeps an existing file untouched and removes the temporary when the writer fails", async () => {
    const dir = scratchFolder();
    const path = join(dir, "family.gexf");
    writeFileSync(path, "the previous export");
    const failing = writeAtomically([path], async ([stream]) => {
      stream!.write("<gexf>half a document");
      throw new Error("rows ran out");
    });
    await expect(failing).rejects.toThrow("rows ran out");
    expect(readdirSync(dir)).toEqual(["family.gexf"]);
    expect(readFileSync(path, "utf8")).toBe("the previous export");
  });

  it("fails with the file system's error for a missing directory, creating nothing", async () => {
    const dir = scratchFolder();
    await expect(writeAtomically([join(dir, "missing", "out.json")], async () => undefined)).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a path whose folder is missing or a file, or a folder, naming it, not the temporary", async () => {
    const dir = scratchFolder();
    writeFileSync(join(dir, "a-file"), "");
    const cases: [path: string, code: string, named: string][] = [
      [join(dir, "missing", "out.gexf"), "ENOENT", join(dir, "missing")],
      [join(dir, "a-file", "out.gexf"), "ENOTDIR", join(dir, "a-file", "out.gexf")],
      [dir, "EISDIR", dir],
    ];
    for (const [path, code, named] of cases) {
      let wrote = false;
      const refused = writeAtomically([path], async () => {
        wrote = true;
      });
      await expect(refused).rejects.toMatchObject({ code, path: named });
      expect(wrote).toBe(false);
    }
    expect(readdirSync(dir)).toEqual(["a-file"]);
  });

  it("removes the temporary file when the process is interrupted mid-export", async () => {
    const dir = scratchFolder();
    const script = `
      import { writeAtomically } from ${JSON.stringify(resolve("src/export/atomic-output.ts"))};
      await writeAtomically([${JSON.stringify(join(dir, "big.gexf"))}], async ([stream]) => {
        stream.write("<gexf>");
        console.log("writing");
        await new Promise(() => setInterval(() => undefined, 1000));
      });`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((done) => child.stdout.once("data", () => done()));
    // The temporary file appears once the stream has opened it.
    for (let wait = 0; wait < 100 && readdirSync(dir).length === 0; wait++)
      await new Promise((done) => setTimeout(done, 20));
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\.big\.gexf\..*\.tmp$/)]);
    child.kill("SIGINT");
    const signal = await new Promise((done) => child.once("exit", (_code, sig) => done(sig)));
    expect(signal).toBe("SIGINT");
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, "big.gexf"))).toBe(false);
  });
});
