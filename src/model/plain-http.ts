// Plain http sends a password in clear (Basic authentication is only base64, RFC 7617 §4), so
// anyone on the path can read it. Loopback never leaves the machine: 127.0.0.0/8 and ::1
// (RFC 6890 §2.2.2, §2.2.3) and "localhost", which browsers resolve to loopback only
// (RFC 6761 §6.3; https://fetch.spec.whatwg.org/#potentially-trustworthy-origin counts it trustworthy).
// Anything else over http needs the person's explicit confirmation, kept on the account as
// `plainHttpConfirmed`; the HTTP layer's credential policy refuses Basic over it without the flag.
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The addresses among `urls` a password would reach unencrypted over the network. */
export function plainHttpHosts(urls: Array<string | null | undefined>): string[] {
  const hosts = new Set<string>();
  for (const address of urls) {
    if (!address) continue;
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      continue;
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) hosts.add(url.host);
  }
  return [...hosts];
}
