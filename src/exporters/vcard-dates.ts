// vCard 4.0 writes dates and timestamps in ISO 8601 basic format ("19850412", "--0412",
// "19951031T222710Z", RFC 6350 §4.3); vCard 3.0 shows the extended format ("1985-04-12",
// RFC 2426 §3.1.5, §3.6.4). Only values these patterns match are changed; anything else (a
// text BDAY, fractional seconds) is kept exactly as written.

/** 4.0 basic format → 3.0 extended format. */
export function extendedDate(value: string): string {
  const m = /^(\d{4}|--)(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value.trim());
  if (m === null) return value;
  const [, year, month, day, hh, mm, ss, zone] = m;
  const date = year === '--' ? `--${month}-${day}` : `${year}-${month}-${day}`;
  const offset = (zone ?? '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return hh === undefined ? date : `${date}T${hh}:${mm}:${ss ?? '00'}${offset}`;
}

/** 3.0 extended format ("--04-15" too, as Apple writes it) → 4.0 basic format. */
export function basicDate(value: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value.trim());
  if (m === null) return value;
  const [, year, month, day, hh, mm, ss, zone] = m;
  const date = year === '-' ? `--${month}${day}` : `${year}${month}${day}`;
  return hh === undefined ? date : `${date}T${hh}${mm}${ss ?? '00'}${(zone ?? '').replace(':', '')}`;
}
