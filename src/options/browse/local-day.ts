// A date as the person's calendar shows it: "2025-03-07" and "2025-03" in local time.
const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(date: Date): string {
  return `${localMonth(date)}-${pad(date.getDate())}`;
}

export function localMonth(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The days of a month's grid, weeks starting on `firstWeekday` (0 Sunday … 6 Saturday): null for the blanks before the 1st. */
export function monthGrid(month: string, firstWeekday = 1): Array<string | null> {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const first = new Date(year, monthNumber - 1, 1);
  const days = new Date(year, monthNumber, 0).getDate();
  const blanks = (first.getDay() - firstWeekday + 7) % 7;
  return [...Array<null>(blanks).fill(null), ...Array.from({ length: days }, (_, i) => `${month}-${pad(i + 1)}`)];
}
