// The mirror over time, drawn from what real runs of the sync engine recorded: an address book
// that grows and is then wiped upstream is one line that steps up and falls to the floor, named
// and described for screen readers, with every run's number in the table beside it; the
// German catalog's words and numbers where the page is German is the e2e test's part.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers/index';
import { openDb } from '../../src/db/schema';
import type { AccountRecord } from '../../src/model/account';
import { MemorySource, card } from '../support/memory-source';
import { addTestAccount } from '../support/test-db';
import { HEIGHT, MARGIN } from '../../src/options/mirror-over-time/chart-geometry';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { MirrorOverTime } = await import('../../src/options/mirror-over-time/mirror-over-time');

const BOOK = 'https://dav.example.com/alice/contacts/';
const FLOOR = HEIGHT - MARGIN.bottom;
let account: AccountRecord;
let source: MemorySource;
let clock = Date.UTC(2026, 11, 1);
let accounts = 0;

const sync = () => syncAccount({ db: openDb(), source, readers, now: () => (clock += 3_600_000) }, account);

// A new account each test: the page's one database is shared by the file's tests.
beforeEach(async () => {
  account = await addTestAccount(openDb(), `history-${++accounts}`);
  source = new MemorySource();
  source.addCollection(BOOK, 'Family');
});

describe('the mirror over time', () => {
  it('says the chart begins with the next sync while no run has recorded its counts', async () => {
    render(<MirrorOverTime accounts={[account]} />);
    await screen.findByText('The chart begins with the next sync.');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws a wipe upstream as the line falling to the floor, and says so in words and numbers', async () => {
    for (const uid of ['a', 'b', 'c']) source.put(BOOK, `${BOOK}${uid}.vcf`, card(uid, uid.toUpperCase()));
    await sync();
    source.put(BOOK, `${BOOK}d.vcf`, card('d', 'D'));
    await sync();
    for (const uid of ['a', 'b', 'c', 'd']) source.remove(BOOK, `${BOOK}${uid}.vcf`);
    await sync();

    render(<MirrorOverTime accounts={[account]} />);
    const chart = await screen.findByRole('img', { name: /^Items per collection after each sync/ });
    // The description a screen reader reads after the title, and the legend a person reads.
    expect(chart.querySelector('desc')?.textContent).toBe('Family: now 0, highest 4, lowest 0');
    expect(screen.getByText('Family: now 0, highest 4, lowest 0', { selector: 'li' })).toBeTruthy();

    // One line: three runs, the last one at the floor, reached by a vertical drop.
    const line = chart.querySelector<SVGPathElement>('.series path')!;
    const path = line.getAttribute('d')!;
    expect(chart.querySelectorAll('.series circle')).toHaveLength(3);
    expect(path).toMatch(new RegExp(`V${FLOOR.toFixed(1)}$`));
    const heights = [...path.matchAll(/(?:^M[\d.]+ |V)([\d.]+)/g)].map((m) => Number(m[1]));
    expect(heights[2]).toBe(FLOOR);
    expect(heights[1]!).toBeLessThan(heights[0]!); // four items stand higher than three

    // The numbers, newest first.
    const table = within(screen.getByRole('group')).getByRole('table');
    const counts = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(counts.map(([, collection, items]) => [collection, items])).toEqual([
      ['Family', '0'],
      ['Family', '4'],
      ['Family', '3'],
    ]);
  });

  it('adds the point of a run that ends while the page is open', async () => {
    source.put(BOOK, `${BOOK}a.vcf`, card('a', 'A'));
    await sync();
    render(<MirrorOverTime accounts={[account]} />);
    await screen.findByText('Family: now 1, highest 1, lowest 1', { selector: 'li' });
    source.put(BOOK, `${BOOK}b.vcf`, card('b', 'B'));
    await sync();
    await waitFor(() => expect(screen.getByText('Family: now 2, highest 2, lowest 1', { selector: 'li' })).toBeTruthy());
  });
});
