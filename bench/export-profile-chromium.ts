// Where a one-click export's time goes in Chromium: the same seeded mirror as
// export-speed-chromium.ts, then one export of each kind with the V8 sampling profiler running
// in the service worker and in the offscreen document (DevTools protocol, Profiler domain:
// https://chromedevtools.github.io/devtools-protocol/tot/Profiler/), and the functions that
// took the most self time in each printed (with --profile); always, the phase measures each
// side recorded (src/shared/phase-times.ts), three exports of each kind. Needs `npm run build`.
// Run: `npx tsx bench/export-profile-chromium.ts [contacts] [--profile]`.
import type { Browser } from 'playwright-core';
import { command } from './lifeboat-browser';
import { attach, phases } from './export-phases';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import { summary, type Profile } from './cpu-profile';

/** One export, its phases in the worker and the offscreen document, and with `--profile` where their CPU went. */
async function measured(browser: Browser, extensionId: string, profile: boolean, run: () => Promise<number>): Promise<void> {
  const cdp = await browser.newBrowserCDPSession();
  const worker = await attach(cdp, (t) => t.type === 'service_worker' && t.url.includes(extensionId));
  const offscreen = await attach(cdp, (t) => t.url.includes(`${extensionId}/src/offscreen/`));
  if (profile) {
    for (const send of [worker, offscreen]) {
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: 200 });
      await send('Profiler.start');
    }
  }
  const ms = await run();
  const listed = (measures: Record<string, number>) => Object.entries(measures).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ');
  console.log(`click to file ${ms.toFixed(0)} ms | worker: ${listed(await phases(worker))} | offscreen: ${listed(await phases(offscreen))}`);
  if (profile) {
    const [w, o] = await Promise.all([worker<{ profile: Profile }>('Profiler.stop'), offscreen<{ profile: Profile }>('Profiler.stop')]);
    console.log(` service worker:\n${summary(w.profile)}\n offscreen document:\n${summary(o.profile)}`);
  }
  await cdp.detach();
}

const contacts = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const profile = process.argv.includes('--profile');
const source = await seededMirror('export-profile-chromium', contacts);
const lifeboat = await lifeboatWithMirror(source);
try {
  // A first export creates the offscreen document, so that it can be profiled.
  await command(lifeboat, 'exportContacts', {});
  for (const kind of ['exportContacts', 'exportCalendars'] as const) {
    console.log(kind);
    for (let run = 0; run < (profile ? 1 : 3); run++) await measured(lifeboat.ext.browser, lifeboat.ext.extensionId, profile, async () => (await command(lifeboat, kind, {})).ms);
  }
} finally {
  await lifeboat.close();
}
