// The one normaliser of an id-bearing text (a card's base_model, a tag's parent, an edge-list cell, a crawled id):
// a Hub model id, with or without its host and revision path, or the reason it names no model.

import { currentIdOfLegacy } from "../vocabulary/legacy-ids.js";
import { isModelId, MAX_ID_LENGTH } from "../vocabulary/model-id.js";
import { wellFormed } from "../vocabulary/safe-text.js";

/** Why a value names no model, each a finding of its own. */
export const REFERENCE_FINDINGS = [
  "empty",
  "placeholder-text",
  "dataset",
  "space",
  "collection",
  "hub-route",
  "url-not-a-model",
  "local-path",
  "markup",
  "no-org",
  "bad-syntax",
  "too-long",
  "malformed-escape",
] as const;
export type ReferenceFinding = (typeof REFERENCE_FINDINGS)[number];

export type ModelReference =
  /** `orgless`: a single word that is no legacy id the Hub moved: a model only where one with a record exists. */
  { id: string; orgless: boolean } | { reason: ReferenceFinding };

/** Longer values are not read at all (an id is at most 200 characters, a Hub URL to one a few more). */
export const MAX_REFERENCE_CHARS = 2048;

/** Words people write where they have no base model to name. */
const PLACEHOLDER_WORDS = new Set([
  "n/a",
  "n.a.",
  "n.a",
  "na",
  "none",
  "null",
  "nil",
  "nan",
  "undefined",
  "unknown",
  "tbd",
  "tba",
  "todo",
  "true",
  "false",
  "yes",
  "no",
  "base",
  "base_model",
  "base-model",
  "model",
  "your_model",
  "your-model",
  "model_id",
  "[]",
  "{}",
]);
/** Digits and punctuation only (`0`, `_`, `-`, `?`, `...`): nothing that names anything. */
const PUNCTUATION_ONLY = /^[\p{N}\p{P}\p{S}\s]+$/u;

/** First path segments that are Hub pages, not orgs; the Hub reserves these names. */
const ROUTE_FINDINGS: ReadonlyMap<string, ReferenceFinding> = new Map([
  ["datasets", "dataset"],
  ["spaces", "space"],
  ["collections", "collection"],
  ...[
    "models",
    "docs",
    "papers",
    "api",
    "organizations",
    "settings",
    "blog",
    "join",
    "login",
    "logout",
    "pricing",
    "enterprise",
    "new",
    "new-dataset",
    "new-space",
    "tasks",
    "learn",
    "posts",
    "chat",
    "notifications",
    "search",
    "sitemap",
    "terms-of-service",
    "privacy",
    "inference-endpoints",
    "inference-api",
    "changelog",
    "oauth",
    "welcome",
  ].map((word) => [word, "hub-route"] as [string, ReferenceFinding]),
]);

/** Hub pages inside a repository (`org/name/tree/main`): the repository id is what comes before. */
const REPO_PAGES = new Set(["tree", "blob", "resolve", "raw", "commit", "commits", "discussions", "edit", "blame"]);

const HUB_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co", "www.hf.co"]);

const MARKUP =
  /<\/?[a-z!?][^>]*>|<!--|&(?:lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);|\]\(|^!?\[[^\]]*\]\s*[([]|\{\{|\}\}/i;
const LOCAL_PATH =
  /^(?:\.{1,2}(?:[\\/]|$)|[\\/]|~(?:[\\/]|$)|[a-z]:[\\/]|file:)|\\|(?:^|\/)models--[^/]+--|\.cache\/huggingface/i;

/** Decodes percent-escapes of one id part; null for a malformed escape. An escaped `/` stays inside the part. */
function decoded(part: string): string | null {
  if (!part.includes("%")) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function findingOfPath(segments: string[], hosted: boolean): ModelReference {
  const route = ROUTE_FINDINGS.get((segments[0] as string).toLowerCase());
  if (route !== undefined) return { reason: route };
  let repo = segments;
  const page = (index: number) => REPO_PAGES.has((segments[index] as string).toLowerCase());
  // `org/name/tree/REV...`, or a legacy id's `gpt2/tree/REV...` (three parts at least: `org/tree` is an id).
  if (segments.length >= 3 && page(2)) repo = segments.slice(0, 2);
  else if (segments.length >= 3 && page(1)) repo = segments.slice(0, 1);
  // More parts: a URL of some other page, a folder path, or a list written as one text (`a/b, c/d`).
  if (repo.length > 2)
    return {
      reason: hosted ? "url-not-a-model" : repo.some((part) => /[\s,;]/.test(part)) ? "bad-syntax" : "local-path",
    };
  const parts = repo.map(decoded);
  if (parts.includes(null)) return { reason: "malformed-escape" };
  const candidate = parts.join("/");
  if (candidate.length > MAX_ID_LENGTH) return { reason: "too-long" };
  const placeholder = (text: string) => PLACEHOLDER_WORDS.has(text.toLowerCase()) || PUNCTUATION_ONLY.test(text);
  if (placeholder(candidate) || (parts as string[]).every(placeholder)) return { reason: "placeholder-text" };
  // An escaped slash (`org%2Fname`) is no separator, and no id holds one: isModelId refuses it.
  if (!isModelId(candidate) || parts.some((part) => (part as string).includes("/"))) return { reason: "bad-syntax" };
  if (parts.length === 2) return { id: candidate, orgless: false };
  const current = currentIdOfLegacy(candidate);
  if (current !== null) return { id: current, orgless: false };
  // A Hub URL with one segment is an org's or a user's page; a bare word is a name without its org.
  return hosted ? { reason: "url-not-a-model" } : { id: candidate, orgless: true };
}

/** The value without the quotes, backticks or padding around it. */
function unwrapped(raw: string): string {
  return raw
    .trim()
    .replace(/^["'`]+|["'`]+$/g, "")
    .trim();
}

/**
 * `org/name` in the Hub's id syntax, each part of name characters starting and ending with a letter, digit or `_`
 * and without `..`: what nearly every value in an import is.
 */
const PLAIN_ID =
  /^(?!.*\.\.)[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?\/[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?$/;

/** A part of a plain id (in lower case) that the general steps must read: a placeholder word, or no letter at all. */
function suspectPart(part: string): boolean {
  return PLACEHOLDER_WORDS.has(part) || !/[a-z]/.test(part);
}

/**
 * A plain `org/name` read without the general steps below, which would give the same id (nothing to unwrap, decode
 * or strip, no scheme, host, route, markup or path); null for any other value, which the general steps read. Why
 * apart: an import reads two such values per row, and the general steps were a fifth of an edge list's reading.
 */
function plainModelId(value: string): ModelReference | null {
  if (!PLAIN_ID.test(value) || !/[A-Za-z]/.test(value)) return null;
  const slash = value.indexOf("/");
  const org = value.slice(0, slash).toLowerCase();
  const name = value.slice(slash + 1).toLowerCase();
  if (ROUTE_FINDINGS.has(org) || HUB_HOSTS.has(org) || org.startsWith("www.") || suspectPart(org) || suspectPart(name))
    return null;
  if (PLACEHOLDER_WORDS.has(`${org}/${name}`) || LOCAL_PATH.test(value)) return null;
  return { id: value, orgless: false };
}

/** Reads one id-bearing text; never throws. */
export function readModelReference(raw: string): ModelReference {
  const plain = plainModelId(raw);
  if (plain !== null) return plain;
  if (raw.length > MAX_REFERENCE_CHARS) return { reason: "too-long" };
  const value = unwrapped(wellFormed(raw));
  if (value.length === 0) return { reason: "empty" };
  if (PLACEHOLDER_WORDS.has(value.toLowerCase())) return { reason: "placeholder-text" };
  if (LOCAL_PATH.test(value)) return { reason: "local-path" };
  if (PUNCTUATION_ONLY.test(value)) return { reason: "placeholder-text" };
  if (MARKUP.test(value)) return { reason: "markup" };

  let path: string;
  let hosted = false;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (scheme !== null) {
    const rest = value.slice(scheme[0].length);
    const name = (scheme[1] as string).toLowerCase();
    if (name === "hf") path = rest;
    else if (name !== "http" && name !== "https") return { reason: "url-not-a-model" };
    else {
      const hostEnd = rest.search(/[/?#]|$/);
      const host = rest
        .slice(0, hostEnd)
        .replace(/^[^@]*@/, "")
        .replace(/:\d*$/, "")
        .toLowerCase();
      if (!HUB_HOSTS.has(host)) return { reason: "url-not-a-model" };
      path = rest.slice(hostEnd);
    }
    hosted = true;
  } else if (/^(?:www\.)?(?:huggingface\.co|hf\.co)(?:[/?#]|$)/i.test(value)) {
    path = value.slice(value.search(/[/?#]|$/));
    hosted = true;
  } else {
    path = value.replace(/\/+$/, "");
  }
  if (hosted) path = path.replace(/[?#].*$/s, "");
  const parts = path.split("/");
  const segments = hosted ? parts.filter((part) => part.length > 0) : parts;
  if (segments.length === 0) return { reason: "url-not-a-model" };
  if (!hosted && segments.some((part) => part.length === 0)) return { reason: "bad-syntax" };
  return findingOfPath(segments, hosted);
}
