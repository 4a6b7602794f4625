// Chromium's own trace of every process while `run` runs (DevTools protocol, Tracing domain:
// https://chromedevtools.github.io/devtools-protocol/tot/Tracing/), for the scripts that read it
// (popup-trace.ts, first-mirror-trace.ts).
import type { Browser, CDPSession } from 'playwright-core';

/** One event of Chromium's trace event format; `args` holds what each kind of event carries. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    src_file?: string;
    src_func?: string;
    data?: { documentLoaderURL?: string; url?: string; frame?: string };
    beginData?: { frame?: string };
    frame?: string;
  };
}

export async function traced(browser: Browser, categories: string[], run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  // The protocol types each event as a string map; Chromium's trace event format has these fields.
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}
