// What a Hub model id looks like, and how ids are recovered from the URLs and paths people write instead.
// The id is kept as the Hub spells it; callers compare case-insensitively where the Hub does.

const NAME_PART = /^[A-Za-z0-9_.-]{1,96}$/;
const MAX_ID_LENGTH = 200;

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

const HUB_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co", "www.hf.co"]);
const REPO_TYPE_PREFIXES = new Set(["datasets", "spaces"]);

/**
 * The model id inside a Hub URL (`https://huggingface.co/org/name/tree/main`, `hf.co/org/name`), or null when the
 * value is not a Hub model URL. Dataset and Space URLs are not models and give null.
 */
export function modelIdFromUrl(value: string): string | null {
  const withScheme = /^[a-z]+:\/\//i.test(value)
    ? value
    : /^(www\.)?(huggingface\.co|hf\.co)\//i.test(value)
      ? `https://${value}`
      : null;
  if (withScheme === null) return null;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!HUB_HOSTS.has(url.hostname.toLowerCase())) return null;
  const segments = url.pathname
    .split("/")
    .filter((segment) => segment.length > 0)
    .map(decodeURIComponent);
  if (segments.length === 0) return null;
  if (REPO_TYPE_PREFIXES.has(segments[0] ?? "")) return null;
  if (segments[0] === "models") segments.shift();
  const [first, second] = segments;
  if (first === undefined) return null;
  // `org/name/...` unless the second segment is a Hub route of a legacy id (`gpt2/tree/main`).
  const candidate =
    second !== undefined && !["tree", "blob", "resolve", "commit", "discussions"].includes(second)
      ? `${first}/${second}`
      : first;
  return isModelId(candidate) ? candidate : null;
}
