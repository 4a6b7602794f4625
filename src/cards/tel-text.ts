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

/**
 * The parameter that carries a 4.0 "tel:" URI through a 3.0 file, next to the plain number
 * 3.0 readers expect (RFC 2426 §3.3.1 has no URI value for TEL; §4 allows x-params anywhere):
 * "TEL;X-TEL-URI="tel:+1-555;ext=5":+1-555 ext. 5". Converting back to 4.0 restores the URI
 * when the number still reads the same, so nothing of the URI (isub, phone-context) is lost.
 */
export const TEL_URI_PARAM = 'X-TEL-URI';
