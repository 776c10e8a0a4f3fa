// SQLite and file-system failures as the one line a user reads: which file, what went wrong, what to do. The
// stack of such a failure is printed only under --debug; other unexpected failures keep theirs (they are bugs).

/** What to do about an SQLite result code (better-sqlite3's `SqliteError.code`, extended codes included). */
const SQLITE_ADVICE: [prefix: string, what: string, todo: string][] = [
  ["SQLITE_READONLY", "cannot be written", "check its and its folder's permissions, or use another --db"],
  ["SQLITE_FULL", "the disk is full", "free some space and run the command again"],
  ["SQLITE_BUSY", "another process holds a lock on it", "wait for that import or crawl to finish and try again"],
  ["SQLITE_LOCKED", "another process holds a lock on it", "wait for that import or crawl to finish and try again"],
  ["SQLITE_CORRUPT", "is damaged", "restore it from a copy, or build a new one with import or crawl"],
  ["SQLITE_NOTADB", "is not a database", "check the path given to --db"],
  ["SQLITE_CANTOPEN", "cannot be opened", "check the path and its permissions"],
  ["SQLITE_IOERR", "could not be read or written", "check the disk and run the command again"],
  ["SQLITE_PERM", "cannot be written", "check its and its folder's permissions, or use another --db"],
];

/** What to do about a file-system error code. */
const FILE_ADVICE: Record<string, [what: string, todo: string]> = {
  ENOENT: ["does not exist", "check the path"],
  EACCES: ["cannot be read or written (permission denied)", "check its permissions"],
  EPERM: ["cannot be read or written (not permitted)", "check its permissions"],
  EROFS: ["is on a read-only file system", "write to another folder"],
  ENOSPC: ["cannot be written: the disk is full", "free some space and run the command again"],
  EDQUOT: ["cannot be written: the disk quota is used up", "free some space and run the command again"],
  EISDIR: ["is a folder, not a file", "give the path of a file"],
  ENOTDIR: ["has a part that is not a folder", "check the path"],
  EEXIST: ["is in the way: a file where a folder is wanted", "give another path, or move the file"],
  EMFILE: ["cannot be opened: too many open files", "close other programs or raise the limit (ulimit -n)"],
  EIO: ["could not be read or written", "check the disk and run the command again"],
};

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

/**
 * The line for an SQLite or file-system failure (`database` names the database in use), or null for any other
 * error. SQLite errors are told by their name, so that this file loads no part of the store.
 */
export function failureLine(error: unknown, database: string): string | null {
  if (!(error instanceof Error)) return null;
  const code = codeOf(error);
  if (code === null) return null;
  if (error.name === "SqliteError") {
    const advice = SQLITE_ADVICE.find(([prefix]) => code.startsWith(prefix));
    const [what, todo] = advice === undefined ? ["failed", "run the command again with --debug"] : advice.slice(1);
    return `the database "${database}" ${what} (${error.message}); ${todo}`;
  }
  const advice = FILE_ADVICE[code];
  if (advice === undefined) return null;
  const path = (error as NodeJS.ErrnoException).path;
  return `"${path ?? "a file"}" ${advice[0]}; ${advice[1]}`;
}
