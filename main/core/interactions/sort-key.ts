/**
 * Orders interactions newest-first by day, then time (untimed ones last within their day), then
 * id so equal times still have one stable order.
 */
export function interactionSortKey(date: string, time: string | undefined, id: string): string {
  return `${date}T${time ?? '24:00'} ${id}`;
}
