// Sample address book for the demo: plausible people from several countries, with
// non-ASCII names, several emails and phones, and an organisation, as real cards have.
import type { SeedItem } from '../../test/harness';
import { foldLine } from '../../test/harness';

const FIRST = ['Ada', 'Björn', 'Chloé', 'Dmitri', 'Élodie', 'Farah', 'Giulia', 'Hiroshi', 'Ingrid', 'José', 'Kwame', 'Lena', 'Mateo', 'Nadia', 'Øystein', 'Priya', 'Quentin', 'Rosa', 'Søren', 'Tomás', 'Uma', 'Václav', 'Wen', 'Yara', 'Zoë'];
const LAST = ['Lovelace', 'Åström', 'Dubois', 'Ivanov', 'Moreau', 'Haddad', 'Rossi', 'Tanaka', 'Berg', 'García', 'Mensah', 'Schäfer', 'López', 'Kowalski', 'Nygård', 'Sharma', 'Lefèvre', 'Martínez', 'Kierkegaard', 'Ó Briain'];
const ORGS = ['Harbour Rowing Club', 'Northwind Clinic', 'Atelier Lumière', 'Kyoto Ceramics', 'Open Library'];

export function demoContacts(count: number): SeedItem[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const id = String(i + 1).padStart(4, '0');
    const mail = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `UID:lifeboat-demo-${id}`,
      `EMAIL;TYPE=INTERNET,HOME:${mail}@example.org`,
      `FN:${first} ${last}`,
      `N:${last};${first};;;`,
      `ORG:${ORGS[i % ORGS.length]!}`,
      `TEL;TYPE=CELL:+44 7700 9${id.slice(1)}`,
      'END:VCARD',
    ];
    return { name: `demo-${id}.vcf`, data: lines.map(foldLine).join('') };
  });
}
