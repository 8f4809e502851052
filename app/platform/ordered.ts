/**
 * New order of a list after moving one item up or down (positions are then 1..n, written in one
 * statement). `ids` is the current order; null when the item is already at that end or not there.
 */
export function moved(ids: string[], id: string, direction: "up" | "down"): string[] | null {
  const i = ids.indexOf(id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  const next = [...ids];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
