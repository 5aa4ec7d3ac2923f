/** The next multiple of `by` above (or below) `value`, within the bounds: by 5, 3 → 5 up and 0 down; 10 → 15 up. */
export function stepToMultiple(value: number, by: number, direction: 1 | -1, min = -Infinity, max = Infinity): number {
  const next = direction > 0 ? Math.floor(value / by) * by + by : Math.ceil(value / by) * by - by;
  return Math.min(max, Math.max(min, next));
}
