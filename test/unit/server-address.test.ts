import { describe, expect, it } from 'vitest';
import { hostPermissionFor, normalizeServerUrl } from '../../src/options/server-address';

describe('normalizeServerUrl', () => {
  it('adds https:// when the scheme is missing', () => {
    expect(normalizeServerUrl(' dav.example.com/dav ').href).toBe('https://dav.example.com/dav');
  });
  it('keeps http for a server on the user’s own network', () => {
    expect(normalizeServerUrl('http://192.168.1.5:5232/').href).toBe('http://192.168.1.5:5232/');
  });
  it.each(['', 'not a url at all', 'ftp://files.example.com', 'https://exa mple.com', 'https://%20/'])('refuses %j with a clear message', (input) => {
    expect(() => normalizeServerUrl(input)).toThrow(/server|web address|https/);
  });
});

describe('hostPermissionFor', () => {
  it('asks for the server’s host only, on any port', () => {
    expect(hostPermissionFor(new URL('http://127.0.0.1:5232/dav/'))).toBe('http://127.0.0.1/*');
    expect(hostPermissionFor(new URL('https://contacts.icloud.com/'))).toBe('https://contacts.icloud.com/*');
  });
});
