// Several store writes as one: either all of them are saved or, when `work` throws, none is.

import { connectionOf, type Store } from "./database-handle.js";

export function transaction<T>(store: Store, work: () => T): T {
  return connectionOf(store).transaction(work)();
}
