// vCard and iCalendar texts fold long lines (RFC 6350 §3.2, RFC 5545 §3.1): a line that starts
// with a space or tab continues the one before. A diff of folded text would show a changed
// word as a changed fold; unfolded, each line is one property a person can read.
export function unfoldLines(raw: string): string[] {
  const lines: string[] = [];
  for (const physical of raw.split(/\r\n|\r|\n/)) {
    const last = lines.length - 1;
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last >= 0) lines[last] += physical.slice(1);
    else if (physical !== '') lines.push(physical);
  }
  return lines;
}
