// An answer's body read as JSON. One that does not parse is a failed answer with a code the
// engine knows, never a bare SyntaxError: a listing cut short must end the run, not read as a
// shorter listing. A body that stops before its closing bracket was cut off (worth asking again).
import { BadResponseError } from './transient-errors';

export function parseJsonBody(url: string, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new BadResponseError(url, !/[}\]]\s*$/.test(body), 'JSON');
  }
}
