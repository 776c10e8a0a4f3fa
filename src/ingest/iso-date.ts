// Dates arrive as ISO strings (the Hub's JSON), Python `str(datetime)` (`2025-01-20 03:46:07+00:00`) or junk.
// Everything stored is ISO 8601 UTC, or null when the value cannot be read as a date.

export function toIsoDate(value: unknown): string | null {
  if (typeof value !== "string" || value.trim().length === 0) return null;
  const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2");
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
