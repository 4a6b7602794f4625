// Proof Key for Code Exchange (RFC 7636): the extension cannot keep a client secret (anyone can
// read its files), so each sign-in proves that the party redeeming the code is the one that
// asked for it. The verifier is 32 random bytes in base64url: 43 characters, within §4.1's
// 43–128 from the unreserved set; the challenge is BASE64URL(SHA256(verifier)), method S256 (§4.2).

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export async function pkcePair(): Promise<PkcePair> {
  const verifier = randomToken();
  return { verifier, challenge: await codeChallenge(verifier) };
}
