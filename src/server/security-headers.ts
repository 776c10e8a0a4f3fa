// Headers every response carries: a strict Content-Security-Policy, nosniff, no framing, no referrer, and CORS
// only for the one origin the operator named with --cors (none by default).

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export function withSecurityHeaders(response: Response, corsOrigin: string | null): Response {
  const headers = response.headers;
  headers.set("content-security-policy", CONTENT_SECURITY_POLICY);
  headers.set("x-content-type-options", "nosniff");
  headers.set("x-frame-options", "DENY");
  headers.set("referrer-policy", "no-referrer");
  headers.set("cross-origin-opener-policy", "same-origin");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-cache");
  if (corsOrigin !== null) {
    headers.set("access-control-allow-origin", corsOrigin);
    // Once only: a ready answer's headers already carry it when they pass through here again.
    const varies = (headers.get("vary") ?? "").split(",").map((name) => name.trim().toLowerCase());
    if (!varies.includes("origin")) headers.append("vary", "Origin");
  }
  return response;
}
