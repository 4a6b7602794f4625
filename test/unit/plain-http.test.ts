// Which addresses make a password cross the network in clear, and the worker's refusal to send
// one there unconfirmed.
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, plainHttpHosts } from '../../src/model/plain-http';
import { requirePlainHttpConfirmed } from '../../src/background/require-plain-http-confirmed';

describe('plain http', () => {
  it('counts 127.0.0.0/8, ::1 and localhost as loopback, and nothing else', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', '[::1]', '::1', 'localhost', 'LOCALHOST', 'dav.localhost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['128.0.0.1', '10.0.0.2', '192.168.1.10', 'example.org', '127.0.0.1.example.org', 'localhost.example.org', '[::2]', '[::ffff:7f00:1]']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('names the hosts a password would reach unencrypted, as the browser parses the address', () => {
    expect(plainHttpHosts(['http://example.org:5232/dav/', 'https://secure.example.org/', 'http://127.0.0.1:5232/', null, ''])).toEqual(['example.org:5232']);
    // The URL parser turns these into 127.0.0.1: still loopback.
    expect(plainHttpHosts(['http://127.1/', 'http://0x7f.0.0.1/'])).toEqual([]);
    expect(plainHttpHosts(['http://192.168.1.10/', 'http://192.168.1.10/cal/'])).toEqual(['192.168.1.10']);
  });

  it('refuses unconfirmed plain http beyond loopback, and lets https, loopback and a confirmed address through', () => {
    expect(() => requirePlainHttpConfirmed({ urls: ['http://example.org/'], confirmed: undefined })).toThrow(/unencrypted to example\.org/);
    expect(() => requirePlainHttpConfirmed({ urls: ['https://example.org/', 'http://nas.lan/'], confirmed: false })).toThrow(/nas\.lan/);
    expect(() => requirePlainHttpConfirmed({ urls: ['http://example.org/'], confirmed: true })).not.toThrow();
    expect(() => requirePlainHttpConfirmed({ urls: ['https://example.org/', 'http://localhost:5232/'], confirmed: undefined })).not.toThrow();
  });
});
