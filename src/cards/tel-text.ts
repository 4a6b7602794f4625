// vCard 4.0 writes phone numbers as "tel:" URIs (RFC 6350 §6.4.1, RFC 3966); people, vCard 3.0
// (RFC 2426 §3.3.1) and every importer we target expect the plain number.

function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray "%" is not worth failing a phone number over
  }
}

/**
 * "tel:+1-555-555-5555;ext=5555" → "+1-555-555-5555 ext. 5555"; anything else is returned
 * trimmed. RFC 3966 parameters other than "ext" (isub, phone-context) describe routing, not
 * the number a person dials, and are dropped.
 */
export function telToText(value: string): string {
  const v = value.trim();
  if (!/^tel:/i.test(v)) return v;
  const [number = '', ...params] = v.slice(4).split(';');
  const ext = params.find((p) => /^ext=/i.test(p));
  const plain = percentDecode(number);
  return ext === undefined ? plain : `${plain} ext. ${percentDecode(ext.slice(4))}`;
}
