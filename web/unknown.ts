// A value the data does not hold is unknown, never zero: the API sends null for it, and the page shows "—".

/** The number, or null when the data does not hold it. */
export function knownNumber(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A count for the page: grouped digits, or "—" when unknown. */
export function formatCount(value: number | null | undefined): string {
  const known = knownNumber(value);
  return known === null ? "—" : known.toLocaleString("en-US");
}
