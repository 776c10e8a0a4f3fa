// Serves the built viewer from one folder (web/dist) and nothing outside it: the path is decoded once,
// resolved, and its real path (symlinks followed) must stay inside the folder's real path.

import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, sep } from "node:path";
import { HttpError } from "./http-error.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

function notFound(pathname: string): HttpError {
  return new HttpError(404, `not found: ${pathname.slice(0, 200)}`);
}

/** The file at `pathname` (as sent, still percent-encoded) below `root`, `/` meaning index.html. */
export async function serveStatic(root: string, pathname: string, method: string): Promise<Response> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    if (pathname === "/" || pathname === "/index.html") {
      throw new HttpError(
        503,
        `the viewer is not built (no ${root}): run \`npm run build\`, then start the server again; ` +
          "the JSON API under /api/ works meanwhile",
      );
    }
    throw notFound(pathname);
  }
  if (/%2f|%5c|%00/i.test(pathname))
    throw new HttpError(400, "encoded slashes, backslashes and NUL are not allowed in a path");
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, "the path is not valid percent-encoding");
  }
  const segments = decoded.split("/").filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === ".." || segment === "." || segment.includes("\\")))
    throw notFound(pathname);
  const relative = segments.length === 0 ? ["index.html"] : segments;
  const contentType = CONTENT_TYPES[extname(relative[relative.length - 1] ?? "").toLowerCase()];
  if (contentType === undefined) throw notFound(pathname);
  let file: string;
  try {
    file = await realpath(join(realRoot, ...relative));
    if (!file.startsWith(realRoot + sep) || !(await stat(file)).isFile()) throw notFound(pathname);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw notFound(pathname);
  }
  const body = method === "HEAD" ? null : await readFile(file);
  const immutable = relative[0] === "assets" && relative.length > 1;
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": contentType,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
