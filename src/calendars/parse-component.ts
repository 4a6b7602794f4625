// ical.js's parser, typed: one component's text → an ical.js Component.
import ICAL from 'ical.js';
import { t } from '../catalog/catalog-text';

/** Parses the text of one component (VCALENDAR, VTIMEZONE, …). Throws on what ical.js rejects. */
export function parseComponent(text: string): ICAL.Component {
  // ICAL.parse returns one jCal component, or an array of them for several top-level ones.
  const jcal: unknown = ICAL.parse(text);
  if (!Array.isArray(jcal) || typeof jcal[0] !== 'string') throw new Error(t('errorNotOneComponent'));
  return new ICAL.Component(jcal);
}
