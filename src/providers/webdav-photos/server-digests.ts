// Digests a server states for a file, so a download can be checked against the server's own
// idea of the content rather than only against itself:
// - ownCloud and Nextcloud: the `oc:checksums` property, "SHA1:… MD5:… ADLER32:…"
//   (https://doc.owncloud.com/server/next/developer_manual/webdav_api/tags.html lists it among
//   the oc: properties; the desktop client sets it on upload);
// - RFC 9530 `Repr-Digest: sha-256=:<base64>:` on the GET answer;
// - an ETag that is a bare 64-digit hex string: rclone's `serve webdav --etag-hash SHA256`
//   makes it the file's SHA-256 (https://rclone.org/commands/rclone_serve_webdav/). Another
//   server could use such ETags for something else: see verify-download.ts for how a
//   mismatch that repeats identically is told apart from a damaged download.
import type { ServerDigest } from '../../model/photo-source';

const ALGORITHMS: Record<string, ServerDigest['algorithm']> = { sha256: 'sha-256', 'sha-256': 'sha-256', sha1: 'sha-1', 'sha-1': 'sha-1', md5: 'md5' };

export function digestsFromChecksums(text: string): ServerDigest[] {
  const found: ServerDigest[] = [];
  for (const token of text.split(/\s+/)) {
    const match = /^([\w-]+):([0-9a-f]+)$/i.exec(token);
    const algorithm = match ? ALGORITHMS[match[1]!.toLowerCase()] : undefined;
    if (match && algorithm) found.push({ algorithm, hex: match[2]!.toLowerCase(), origin: 'oc:checksums' });
  }
  return found;
}

export function digestFromEtag(etag: string): ServerDigest[] {
  const bare = etag.replace(/^W\//, '').replace(/"/g, '');
  return /^[0-9a-f]{64}$/i.test(bare) ? [{ algorithm: 'sha-256', hex: bare.toLowerCase(), origin: 'ETag' }] : [];
}

/** Lower-case hex of base64 text, or null when it is not base64. */
export function base64ToHex(text: string): string | null {
  try {
    return [...atob(text)].map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

/** RFC 9530 §3: `Repr-Digest: sha-256=:AEGPTgUMw5e96wxZuDtpfm23RBU3nFwtgY5fw4NYORo=:` */
export function digestsFromHeader(value: string | null): ServerDigest[] {
  const found: ServerDigest[] = [];
  for (const member of (value ?? '').split(',')) {
    const match = /^\s*(sha-256|sha-1|md5)=:([A-Za-z0-9+/=]+):\s*$/i.exec(member);
    const hex = match ? base64ToHex(match[2]!) : null;
    if (match && hex) found.push({ algorithm: match[1]!.toLowerCase() as ServerDigest['algorithm'], hex, origin: 'Repr-Digest' });
  }
  return found;
}
