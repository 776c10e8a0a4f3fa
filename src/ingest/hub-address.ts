// A model's or an org's page on the Hub given where an id is asked for (`https://huggingface.co/Qwen/Qwen2.5-7B`,
// `hf.co/meta-llama`, a file's or a revision's page under a model): people copy these from the browser.

import { readModelReference } from "./model-reference.js";
import { isModelId } from "../vocabulary/model-id.js";

/** A Hub address, with or without its scheme: the host, then a path. */
const HUB_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/([^?#]*)/i;

/**
 * The model id or org name a Hub address names, or null when the text is no Hub address (it is then read as written)
 * or names neither (a dataset, a space, a Hub page such as /models).
 */
export function queryOfHubAddress(text: string): string | null {
  const address = HUB_ADDRESS.exec(text.trim());
  if (address === null) return null;
  const reference = readModelReference(text.trim());
  if ("id" in reference) return reference.id;
  // One path segment: an org's page (or an org-less model's, which the query finds as well).
  const segments = (address[1] as string).split("/").filter((segment) => segment.length > 0);
  return reference.reason === "url-not-a-model" && segments.length === 1 && isModelId(segments[0] as string)
    ? (segments[0] as string)
    : null;
}
