// What the fault proxy (fault-proxy.ts) can do to a request, and which requests it picks.

/** One misbehaviour. */
export type Fault =
  /** Answer with this status without asking the server (429/503 with Retry-After, 502, 403…). */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Close the connection without any answer (socket.destroy: the client sees a reset). */
  | { kind: 'reset' }
  /**
   * Forward, then deliver only `keep` (a fraction, default 0.5) of the body. `cut`: announce the
   * full Content-Length and close the connection mid-body (what a dropped connection looks
   * like); `short`: a well-framed but shortened body (what a broken proxy or a server that
   * stopped writing early produces; HTTP cannot tell it from a whole answer).
   */
  | { kind: 'truncate'; keep?: number; framing?: 'cut' | 'short' }
  /** Wait `ms` before forwarding (a slow or overloaded server). */
  | { kind: 'delay'; ms: number }
  /** Forward, then flip one byte in the middle of the body: same length, damaged content. */
  | { kind: 'corrupt' };

/** Short names for the common faults, e.g. `proxy.failNext(3, 'reset')`. */
export type FaultName = 'reset' | 'truncate' | 'short' | 'slow' | '429' | '503' | '502' | '504';

export function namedFault(name: FaultName): Fault {
  switch (name) {
    case 'reset':
      return { kind: 'reset' };
    case 'truncate':
      return { kind: 'truncate', framing: 'cut' };
    case 'short':
      return { kind: 'truncate', framing: 'short' };
    case 'slow':
      return { kind: 'delay', ms: 300 };
    case '429':
    case '503':
      return { kind: 'status', status: Number(name), retryAfter: '1' };
    case '502':
    case '504':
      return { kind: 'status', status: Number(name) };
  }
}

/** Which requests a rule applies to; every given field must match. */
export interface FaultMatch {
  /** HTTP method, e.g. 'REPORT' (case-insensitive). */
  method?: string;
  /** Substring of, or pattern for, the request path. */
  path?: string | RegExp;
  /** Substring of, or pattern for, the request body, e.g. 'addressbook-multiget'. */
  body?: string | RegExp;
}

export interface FaultRule extends FaultMatch {
  fault: Fault;
  /** Matching requests to let through before the fault starts. Default 0. */
  skip?: number;
  /** How many matching requests get the fault. Default: every one from then on. */
  times?: number;
}

function matchesText(value: string, pattern: string | RegExp | undefined): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? value.includes(pattern) : pattern.test(value);
}

export interface ProxiedRequest {
  method: string;
  path: string;
  body: string;
}

export function matches(rule: FaultMatch, req: ProxiedRequest): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== req.method.toUpperCase()) return false;
  return matchesText(req.path, rule.path) && matchesText(req.body, rule.body);
}

/**
 * The fault for this request from the first rule that matches and is due, counting the rule's
 * skip and times down; rules used up are removed from `rules`.
 */
export function takeFault(rules: FaultRule[], req: ProxiedRequest): Fault | undefined {
  for (const [index, rule] of rules.entries()) {
    if (!matches(rule, req)) continue;
    if ((rule.skip ?? 0) > 0) {
      rule.skip = (rule.skip ?? 0) - 1;
      continue;
    }
    if (rule.times !== undefined) {
      rule.times--;
      if (rule.times <= 0) rules.splice(index, 1);
    }
    return rule.fault;
  }
  return undefined;
}
