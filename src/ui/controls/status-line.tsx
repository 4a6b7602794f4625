// The line under a form or a row of buttons that says how the last action went. Errors are
// announced at once (role=alert); other news politely (role=status), as WAI-ARIA's live
// region roles say (https://www.w3.org/TR/wai-aria-1.2/#status). The line is always in the
// page, empty when there is nothing to say, so a screen reader hears what appears in it.
import type { ComponentChildren } from 'preact';

/** How news reads: `error` is announced at once, the others politely. */
export type Tone = 'info' | 'success' | 'warning' | 'error';

/** What the last action said; `error` for a failure (kept for the many callers that only know that). */
export type Message = { text: string; error: boolean; tone?: Tone } | null;

export function toneOf(message: Message): Tone {
  if (!message) return 'info';
  return message.error ? 'error' : (message.tone ?? 'success');
}

/** `children`: what follows the sentence, a link to the items it counts for instance. */
export function StatusLine({ message, children }: { message: Message; children?: ComponentChildren }) {
  const tone = toneOf(message);
  return (
    <p class={`message message-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {message?.text ?? ''}
      {message && children}
    </p>
  );
}
