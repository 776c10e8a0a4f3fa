// An API route as the app dispatches it: the query parameters it takes (any other is refused) and the function
// that answers, given the request's abort signal; a streamed answer (a download) is neither shared nor remembered.

import type { ServerData } from "./server-data.js";

export interface ApiRoute {
  /** Every query parameter the route reads. */
  params: readonly string[];
  /** The answer: a body to send as JSON, or a Response; it stops at its next checkpoint once `signal` aborts. */
  answer: (data: ServerData, params: URLSearchParams, signal: AbortSignal) => unknown;
  /** True when the answer is a stream written as it is computed, so it cannot be shared or remembered. */
  streamed?: boolean;
}
