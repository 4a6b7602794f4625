// One section of the options page: a heading and what it is about, the section named by its
// heading for the landmarks list of screen readers (aria-labelledby,
// https://www.w3.org/WAI/ARIA/apg/practices/landmark-regions/).
import type { ComponentChildren } from 'preact';

interface Props {
  /** Unique in the page: the heading's id is `<id>-heading`. */
  id: string;
  title: string;
  class?: string;
  children: ComponentChildren;
}

export function Section({ id, title, class: extra, children }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} class={extra}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
