// A .vcf file holds many cards one after another (RFC 6350 §3.3): cut it into one text per card,
// each exactly as written, for the same reader the mirror uses on cards from a server.
import { foldedLines } from '../shared/unfold-content-lines';

import type { SplitResult } from '../model/split-result';

export function splitVcards(text: string): SplitResult {
  const items: string[] = [];
  const problems: string[] = [];
  let current: string[] | null = null;
  let depth = 0;
  // BEGIN and END are judged on unfolded lines (a writer may fold "END:VCA" + " RD"), and each
  // card keeps its physical lines exactly as written. CRLF, LF, CR and iOS's CR CR LF all end a line.
  for (const { text: line, physical } of foldedLines(text.replace(/\r+\n/g, '\r\n'), { keepBlank: true })) {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      // vCard 2.1 could nest an AGENT card; it belongs to the card around it.
      depth++;
      if (depth === 1) current = [];
    }
    if (current) current.push(...physical);
    else if (upper !== '') problems.push(`A line outside any card was ignored: ${line.slice(0, 60)}`);
    if (upper === 'END:VCARD' && depth > 0) {
      depth--;
      if (depth === 0 && current) {
        items.push(current.join('\r\n') + '\r\n');
        current = null;
      }
    }
  }
  if (current) problems.push('The file ends inside a card (no END:VCARD): that card was not imported');
  return { items, problems };
}
