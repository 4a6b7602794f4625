// Which origins get an account's credentials: the entered one, same-site https origins for a
// password (iCloud's shards), the issuing origin only for a bearer token, never http off this
// machine unless confirmed, never a downgrade.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCredentialPolicy, mayCarryCredentials, siteOf } from '../../src/http/credential-policy';
import { isLoopbackHost as isLoopback } from '../../src/model/plain-http';
import { judgeRedirect } from '../../src/http/redirect-policy';

const password = (serverUrl: string, allowPlainHttp = false) => createCredentialPolicy({ serverUrl, kind: 'password', allowPlainHttp });

describe('the credential policy', () => {
  it('lets iCloud redirect contacts.icloud.com to its pNN-contacts shards, and binds them', () => {
    const policy = password('https://contacts.icloud.com/');
    expect(judgeRedirect(policy, 'https://contacts.icloud.com/', 'https://p42-contacts.icloud.com/')).toBe('bound');
    expect(mayCarryCredentials(policy, 'https://p42-contacts.icloud.com/1234567/carddavhome/')).toEqual({ ok: true });
    // A home set named on another shard, with no redirect in between, is the same site too.
    expect(mayCarryCredentials(policy, 'https://p07-contacts.icloud.com/1234567/carddavhome/')).toEqual({ ok: true });
  });

  it('refuses another site, a look-alike, and two sites under one public suffix', () => {
    const policy = password('https://contacts.icloud.com/');
    expect(mayCarryCredentials(policy, 'https://evil.example/')).toEqual({ ok: false, reason: 'foreign' });
    expect(mayCarryCredentials(policy, 'https://contacts.icloud.com.evil.example/')).toEqual({ ok: false, reason: 'foreign' });
    expect(judgeRedirect(policy, 'https://contacts.icloud.com/', 'https://icloud.com.evil.example/')).toBe('foreign');
    // github.io is a public suffix (PSL private section): alice's and mallory's pages are two sites.
    const pages = password('https://alice.github.io/dav/');
    expect(siteOf('alice.github.io')).toBe('alice.github.io');
    expect(mayCarryCredentials(pages, 'https://mallory.github.io/dav/')).toEqual({ ok: false, reason: 'foreign' });
  });

  it('treats an IP address and a single-label name as their own site: another port is bound, another address is not', () => {
    const policy = password('http://127.0.0.1:5232/');
    expect(mayCarryCredentials(policy, 'http://127.0.0.1:5233/dav/')).toEqual({ ok: true });
    expect(mayCarryCredentials(policy, 'http://127.0.0.2:5232/')).toEqual({ ok: false, reason: 'foreign' });
    expect(mayCarryCredentials(policy, 'http://localhost:5232/')).toEqual({ ok: false, reason: 'foreign' });
    expect(siteOf('192.168.1.10')).toBe('192.168.1.10');
  });

  it('never follows https to http, whatever the host', () => {
    const policy = password('https://dav.example.com/');
    expect(judgeRedirect(policy, 'https://dav.example.com/', 'http://dav.example.com/')).toBe('downgrade');
    expect(judgeRedirect(createCredentialPolicy({ serverUrl: 'https://feeds.example.com/', kind: 'none' }), 'https://feeds.example.com/a.ics', 'http://cdn.example.net/a.ics')).toBe('downgrade');
    // A same-site https origin named in a listing is fine; its http twin is not.
    expect(mayCarryCredentials(policy, 'http://www.example.com/')).toEqual({ ok: false, reason: 'plain-http' });
  });

  it('sends a password over plain http only to loopback, or where the person confirmed it', () => {
    expect(mayCarryCredentials(password('http://192.168.1.10/dav/'), 'http://192.168.1.10/dav/')).toEqual({ ok: false, reason: 'plain-http' });
    expect(mayCarryCredentials(password('http://192.168.1.10/dav/', true), 'http://192.168.1.10/dav/')).toEqual({ ok: true });
    expect(mayCarryCredentials(password('http://[::1]:8080/'), 'http://[::1]:8080/x')).toEqual({ ok: true });
    expect(['127.0.0.1', '127.8.9.10', 'localhost', 'a.localhost', '[::1]'].every(isLoopback)).toBe(true);
    expect(['128.0.0.1', 'localhost.example.com', '10.0.0.1'].some(isLoopback)).toBe(false);
  });

  it('sends a bearer token to the origin it was issued for and nowhere else, not even the same site', () => {
    const policy = createCredentialPolicy({ serverUrl: 'https://graph.microsoft.com/v1.0/', kind: 'bearer' });
    expect(mayCarryCredentials(policy, 'https://graph.microsoft.com/v1.0/me/contacts/delta')).toEqual({ ok: true });
    expect(mayCarryCredentials(policy, 'https://login.microsoft.com/')).toEqual({ ok: false, reason: 'foreign' });
    expect(judgeRedirect(policy, 'https://graph.microsoft.com/v1.0/me/drive/items/1/content', 'https://public.bn.files.1drv.com/x')).toBe('foreign');
  });

  it('never binds an origin of another site, whatever the hosts (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(label, label, label, (sub, a, b) => {
        fc.pre(a !== b);
        const policy = password(`https://${sub}.${a}.com/`);
        return !mayCarryCredentials(policy, `https://${sub}.${b}.com/`).ok && mayCarryCredentials(policy, `https://x${sub}.${a}.com/`).ok;
      }),
    );
  });
});
