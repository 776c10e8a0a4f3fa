// The stand-in answers /api/models and /api/models/{id}/revision/{rev} as the Hub does (HUB-API.md): absolute
// Link pagination, expand / expand[], author, base_model filters, search, sort, 404 and renamed-repo redirects.
// Expected counts come from test/hub/derive_expected.py (Python json + networkx over the same dumps).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { standInOf } from "../support/hub-stand-in.js";

let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf();
});
afterAll(() => standIn.close());

async function listAll(query: string): Promise<{ items: Record<string, unknown>[]; pages: number; links: string[] }> {
  let url: string | null = `${standIn.url}/api/models?${query}`;
  const items: Record<string, unknown>[] = [];
  const links: string[] = [];
  let pages = 0;
  while (url !== null) {
    const response: Response = await fetch(url);
    expect(response.status).toBe(200);
    items.push(...((await response.json()) as Record<string, unknown>[]));
    pages++;
    const link = response.headers.get("link");
    if (link !== null) links.push(link);
    url = link === null ? null : (/<(https?:[/][/][^>]+)>;\s+rel="next"/.exec(link)?.[1] ?? null);
  }
  return { items, pages, links };
}

describe("the Hub stand-in's model list", () => {
  it("pages through all 1,865 recorded models, 500 a page, with absolute Link URLs and opaque cursors", async () => {
    const { items, pages, links } = await listAll("limit=500&expand=tags&expand=cardData");
    expect(items.length).toBe(1865);
    expect(new Set(items.map((item) => item.id)).size).toBe(1865);
    expect(pages).toBe(4); // ceil(1865 / 500)
    for (const link of links)
      expect(link).toMatch(
        new RegExp(
          `^<${standIn.url}/api/models\\?limit=500&expand=tags&expand=cardData&cursor=[A-Za-z0-9_-]+>; rel="next"$`,
        ),
      );
    for (const item of items)
      for (const key of Object.keys(item)) expect(["_id", "id", "tags", "cardData"]).toContain(key);
    expect(items.filter((item) => "cardData" in item).length).toBeGreaterThan(0);
  });

  it("reads expand[]= (the Python client's spelling) as expand=", async () => {
    const plain = (await (
      await fetch(`${standIn.url}/api/models?limit=3&expand=downloads&expand=likes`)
    ).json()) as unknown[];
    const bracketed = (await (
      await fetch(`${standIn.url}/api/models?limit=3&expand[]=downloads&expand[]=likes`)
    ).json()) as unknown[];
    expect(bracketed).toEqual(plain);
    expect(Object.keys(plain[0] as object).sort()).toEqual(["_id", "downloads", "id", "likes"]);
  });

  it("filters by base_model: tag, author and search as the Hub does", async () => {
    expect((await listAll("filter=base_model:deepseek-ai/DeepSeek-R1&limit=100")).items.length).toBe(286);
    expect((await listAll("author=deepseek-ai")).items.map((item) => item.id).sort()).toEqual([
      "deepseek-ai/DeepSeek-R1",
      "deepseek-ai/DeepSeek-V3",
      "deepseek-ai/Janus-Pro-7B",
    ]);
    expect((await listAll("search=R1-1776")).items.length).toBe(3);
  });

  it("sorts newest or most downloaded first with direction=-1", async () => {
    const [top] = (await (
      await fetch(`${standIn.url}/api/models?sort=downloads&direction=-1&limit=1&expand=downloads`)
    ).json()) as { id: string; downloads: number }[];
    expect(top).toEqual({ _id: expect.any(String), id: "hexgrad/Kokoro-82M", downloads: 1981704 });
    const [newest] = (await (
      await fetch(`${standIn.url}/api/models?sort=lastModified&direction=-1&limit=1&expand=lastModified`)
    ).json()) as { id: string }[];
    expect(newest?.id).toBe("OpenLLM-Ro/RoGemma-7b-Instruct");
    const sorted = await listAll("sort=lastModified&direction=-1&limit=400&expand=lastModified");
    const dates = sorted.items.map((item) => String(item.lastModified ?? ""));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(sorted.items.length).toBe(1865);
  });

  it("refuses a cursor it did not make", async () => {
    const response = await fetch(`${standIn.url}/api/models?cursor=not-a-cursor`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Invalid cursor" });
  });
});

describe("the Hub stand-in's single-model route", () => {
  it("answers a record, 404 with X-Error-Code: RepoNotFound, and a redirect for a renamed repo", async () => {
    const one = (await (
      await fetch(`${standIn.url}/api/models/perplexity-ai/r1-1776/revision/HEAD?expand=tags`)
    ).json()) as { id: string; tags: string[] };
    expect(one.id).toBe("perplexity-ai/r1-1776");
    expect(one.tags).toContain("base_model:finetune:deepseek-ai/DeepSeek-R1");

    const missing = await fetch(`${standIn.url}/api/models/nobody/nothing/revision/HEAD`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-error-code")).toBe("RepoNotFound");
    expect(await missing.json()).toEqual({ error: "Repository not found" });

    standIn.catalog.rename("perplexity-ai/r1-1776", "perplexity-ai/r1-1776-renamed");
    const redirect = await fetch(`${standIn.url}/api/models/perplexity-ai/r1-1776/revision/HEAD?expand=tags`, {
      redirect: "manual",
    });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe(
      "/api/models/perplexity-ai/r1-1776-renamed/revision/HEAD?expand=tags",
    );
    const followed = (await (await fetch(`${standIn.url}/api/models/perplexity-ai/r1-1776/revision/HEAD`)).json()) as {
      id: string;
    };
    expect(followed.id).toBe("perplexity-ai/r1-1776-renamed");
  });
});
