// Counts as the page writes them ("1,234"): one number format made once and shared, since toLocaleString makes a
// new one for every number, which costs more than placing the labels of an overview's two thousand nodes.

const COUNTS = new Intl.NumberFormat("en-US");

/** A count with thousands separators, as `toLocaleString("en-US")` writes it. */
export function countText(value: number): string {
  return COUNTS.format(value);
}
