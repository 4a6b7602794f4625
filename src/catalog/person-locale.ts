// The language a person's numbers, dates and plurals are written in: the browser's preferred
// language (navigator.language, which pages and the worker both have; the browser derives it
// from its UI language unless the person picked other languages for web content). Passed to
// every Intl call explicitly rather than left to Intl's default, because that default is not
// always the browser's language: a headless Chromium started with --lang=de still formats as
// en-US. Under Node (tests, build scripts) it is Node's own navigator's, or Intl's default.
export function personLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

/** A moment (ms since the epoch) as a date and time in the person's language and time zone. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(personLocale());
}

/**
 * A moment short, as a chart's axis names it: the day ("6 Dec", "6. Dez.") when the axis spans
 * days, with the time too when it spans less ("6 Dec, 09:30").
 */
export function formatAxisMoment(ms: number, spanMs: number): string {
  const time = spanMs < 2 * 86_400_000 ? ({ hour: 'numeric', minute: '2-digit' } as const) : {};
  return new Date(ms).toLocaleString(personLocale(), { day: 'numeric', month: 'short', ...time });
}
