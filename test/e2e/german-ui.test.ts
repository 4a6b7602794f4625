// The second UI language, end to end: Chromium started in German shows the popup and the
// options page from public/_locales/de, the worker's own sentences (a refused connection, found
// by the background worker) in German too, counts and dates written the German way, and the
// month starting on Monday, as weeks do in Germany.
//
// Debian's chromium picks its UI language (which chrome.i18n reads) from --lang; a headless
// Chromium takes navigator.language (which the pages' numbers and dates follow) from
// --accept-lang, its default for the person's content languages, and ignores LANGUAGE/LANG.
// A person's German Chromium has both from its one language setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { OPTIONS, openPopup } from '../browser/extension-pages';
import { seedLargeMirror } from '../browser/seed-mirror';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']), extraArgs: ['--lang=de', '--accept-lang=de'] });
});

afterAll(async () => {
  await ext?.close();
});

describe('Lifeboat in German', () => {
  it('the popup with no account invites in German', async () => {
    const popup = await openPopup(ext);
    await popup.getByText('Noch wird nichts gesichert.').waitFor();
    await popup.getByRole('button', { name: 'Lifeboat einrichten' }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);
    await popup.close();
  });

  it('the setup asks in German, and the worker answers in German', async () => {
    const page = await ext.openPage(OPTIONS, { width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'Wo liegen Ihre Kontakte und Kalender?' }).waitFor();
    await page.getByRole('button', { name: 'Anderer Server' }).click();
    const form = page.locator('form.add-account');
    // Port 9 (discard) on loopback: nothing listens, so the worker's HTTP layer refuses.
    await form.getByLabel('Serveradresse', { exact: true }).fill('http://127.0.0.1:9/');
    await form.getByLabel('Benutzername').fill('anna');
    await form.getByLabel('Passwort oder App-Passwort').fill('secret');
    await form.getByRole('button', { name: 'Verbindung testen' }).click();
    await form.locator('.message').filter({ hasText: '127.0.0.1:9 ist nicht erreichbar' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolationsInBothSchemes(page)).toEqual([]);
    await page.close();
  });

  it('counts with a German thousands separator, and names the sections in German', async () => {
    const options = await ext.openPage(`${OPTIONS}#accounts`, { width: 1280, height: 900 });
    await seedLargeMirror(options, 'german', { contacts: 1234, deletedContacts: 0, events: 56, tasks: 0 });
    const popup = await openPopup(ext);
    await popup.getByTestId('contact-count').filter({ hasText: 'Kontakte: 1.234' }).waitFor();
    await popup.getByText('Aktuell · letzte sichere Kopie vor 5 Minuten').waitFor();
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);
    await popup.close();

    await options.reload();
    const nav = options.getByRole('navigation', { name: 'Lifeboat-Seiten' });
    for (const name of ['Konten', 'Fotos', 'Export & Sicherungen', 'Wiederherstellen', 'Zeitplan & Schutz', 'Aktivität']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    await nav.getByRole('link', { name: 'Aktivität', exact: true }).click();
    await options.getByRole('heading', { name: 'Synchronisierungsprotokoll' }).waitFor();
    // The seeded mirror ran no sync: the chart of the mirror over time waits for the next one.
    await options.getByRole('region', { name: 'Ihre Kopie im Zeitverlauf' }).getByText('Die Grafik beginnt mit der nächsten Synchronisierung.').waitFor();
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    await options.close();
  });

  it('starts the month on Monday, with German day and month names', async () => {
    const page = await ext.openPage(`${OPTIONS}#browse/month`, { width: 1280, height: 900 });
    const grid = page.locator('table').first();
    await grid.locator('th').first().waitFor();
    // The browser's own German names (its ICU spells them "Mo" or "Mo."): Monday first, Sunday last.
    const names = await page.evaluate(() => ({
      days: Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 8 + i).toLocaleDateString('de', { weekday: 'short' })),
      month: new Date().toLocaleDateString('de', { month: 'long', year: 'numeric' }),
    }));
    expect(names.days[0]).toMatch(/^Mo/);
    expect(await grid.locator('thead th').allTextContents()).toEqual(names.days);
    const monthName = names.month;
    await page.getByText(monthName, { exact: true }).first().waitFor();
    await page.close();
  });
});
