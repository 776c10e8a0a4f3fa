// The one error shape of the HTTP API, `{ "error": { "status", "message", "suggestions"? } }`, and the JSON
// responses every route answers with. Errors become responses here and nowhere else.

import type { ErrorResponse } from "./wire-types.js";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly suggestions?: string[],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The answer to any method but GET and HEAD (the caller adds `Allow`). */
export function methodNotAllowed(method: string): HttpError {
  return new HttpError(405, `method ${method.slice(0, 20)} is not allowed; the API only reads (GET)`);
}

/**
 * The status of an answer that nobody receives because its client went away before it was ready (the one nginx
 * logs for this; no client ever reads it).
 */
export const CLIENT_CLOSED_REQUEST = 499;

/** JSON with `<`, `>` and `&` escaped, so no value (a model card's text, a query) can ever read as markup. */
export function jsonText(body: unknown): string {
  return JSON.stringify(body).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonTextResponse(jsonText(body), status, headers);
}

function jsonTextResponse(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      ...headers,
    },
  });
}

/** The error shape for any thrown value; anything but an HttpError is a 500 whose detail stays in the log. */
export function errorResponse(error: unknown, log: (message: string) => void = () => {}): Response {
  if (error instanceof HttpError) {
    const body: ErrorResponse = { error: { status: error.status, message: error.message } };
    if (error.suggestions !== undefined) body.error.suggestions = error.suggestions;
    return jsonResponse(body, error.status);
  }
  log(`server: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const message = "internal error: the server could not answer this request";
  const body: ErrorResponse = { error: { status: 500, message } };
  return jsonResponse(body, 500);
}
