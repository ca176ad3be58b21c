/** Cell-value helpers shared by the two xlsx readers (ExcelJS and package). */
/** Line breaks as "\n" whatever the file used. */
export function normaliseBreaks(s: string): string {
  return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
}

/** "2024-12-31" for a date at midnight, the full ISO string when it has a time. */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
