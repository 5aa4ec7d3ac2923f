/** A query string (`?a=1&b=x`) of the values that are set (not undefined, null or ''); '' when none is. */
export function queryOf(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
