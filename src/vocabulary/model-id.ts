// What a Hub model id looks like (src/ingest/model-reference.ts recovers ids from the URLs and paths people write).
// The id is kept as the Hub spells it; callers compare case-insensitively where the Hub does.

const NAME_PART = /^[A-Za-z0-9_.-]{1,96}$/;
export const MAX_ID_LENGTH = 200;

/** True for `org/name` and for legacy org-less ids such as `gpt2`, as the Hub allows them. */
export function isModelId(value: string): boolean {
  if (value.length === 0 || value.length > MAX_ID_LENGTH) return false;
  const parts = value.split("/");
  if (parts.length > 2) return false;
  return parts.every((part) => NAME_PART.test(part) && !part.includes("..") && !/^[.-]|[.-]$/.test(part));
}

/** The org of an id (`Qwen` of `Qwen/Qwen2.5-7B`), or null for a legacy id with no org. */
export function orgOf(id: string): string | null {
  const slash = id.indexOf("/");
  return slash > 0 ? id.slice(0, slash) : null;
}
