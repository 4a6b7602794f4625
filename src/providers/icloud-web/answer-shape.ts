// The shape of a JSON answer with every personal value taken out: field names, types and array
// lengths only ("{dsInfo:{dsid:string,…},webservices:{…}}"). It is what a diagnostic for a bug
// report may carry: enough to see what changed in the service, nothing about the person.
const MAX_DEPTH = 4;
const MAX_KEYS = 40;

export function answerShape(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return depth >= MAX_DEPTH ? `array(${value.length})` : `[${value.length}×${value.length ? answerShape(value[0], depth + 1) : '?'}]`;
  if (typeof value !== 'object') return typeof value;
  if (depth >= MAX_DEPTH) return 'object';
  const keys = Object.keys(value).sort();
  const shown = keys.slice(0, MAX_KEYS).map((key) => `${safeKey(key)}:${answerShape((value as Record<string, unknown>)[key], depth + 1)}`);
  if (keys.length > MAX_KEYS) shown.push(`…${keys.length - MAX_KEYS} more`);
  return `{${shown.join(',')}}`;
}

/**
 * Keys are the service's field names, except where a service keys a map by a personal value
 * (a record name, an e-mail address): those are replaced by their kind.
 */
function safeKey(key: string): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(key) && !/\d{5,}/.test(key) ? key : '<key>';
}
