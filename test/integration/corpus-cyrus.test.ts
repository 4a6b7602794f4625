// The corpus's hard cases (test/corpus/hard-cases/: photos as 4.0 data: URIs and 3.0 binary,
// TEL URIs with extensions, Apple groups, 2.1 quoted-printable, RFC 6868 carets, escaped
// semicolons, folds inside words and inside UTF-8 characters, emoji) PUT to Cyrus IMAP, the
// server Fastmail runs, mirrored, exported and judged as in corpus-interop.test.ts. Cyrus keeps
// what it is given more closely than Radicale, which re-serialises every item with vobject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardCases } from '../corpus/corpus-items';
import { runCorpus, type CorpusRun } from '../corpus/corpus-run';
import { failures } from '../corpus/known-differences';
import { startCyrus, type CyrusServer } from '../harness/cyrus';

describe('the hard cases through Cyrus IMAP', () => {
  const items = hardCases();
  // Cyrus makes one address book and one calendar, both "Default"; the hard cases' UIDs differ.
  const collectionOf = new Map(items.map((item) => [item, item.kind === 'vcard' ? 'addressbooks' : 'calendars']));
  let server: CyrusServer;
  let run: CorpusRun;

  beforeAll(async () => {
    server = await startCyrus();
    const collectionUrl = (home: string): string => (home === 'addressbooks' ? server.addressBookUrl : server.calendarUrl);
    run = await runCorpus({ server, items, collectionOf, collectionUrl });
    console.info(`corpus summary: ${run.summaryFile}`);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("has every hard case stored by Cyrus or refused with Cyrus's reason", () => {
    expect(items.length).toBeGreaterThanOrEqual(13);
    expect(run.served.placed.length + run.served.refused.length).toBe(items.length);
    for (const refusal of run.served.refused) expect(refusal.reason, refusal.id).not.toBe('');
  });

  it('mirrors every stored hard case, photos whole', () => {
    const missing = run.served.placed.filter((p) => !run.mirror.has(p.item.id));
    expect(missing.map((p) => `${p.item.id}: ${run.notRead.get(p.item.id) ?? 'not in the mirror'}`)).toEqual([]);
    // Asked for in 4.0 (address-data.ts), Cyrus serves the data: URI photos whole.
    for (const id of ['hard-cases/photo-4-jpeg-data-uri.vcf', 'hard-cases/photo-4-png-data-uri.vcf']) {
      expect(run.judgements.find((j) => j.mode === 'server' && j.id === id)?.status, id).toMatch(/^(exact|equal)$/);
    }
  });

  for (const mode of ['export-served', 'export-3.0', 'export-ics'] as const) {
    it(`reads back every hard case of the ${mode} export equal, or with a listed reason`, () => {
      const failed = failures(run.judgements, mode);
      expect(failed.map((j) => `${j.id}: ${j.status} ${JSON.stringify(j.diffs ?? j.reason ?? j.error ?? j.export_errors ?? '').slice(0, 400)}`)).toEqual([]);
    });
  }
});
