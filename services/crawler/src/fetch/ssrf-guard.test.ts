import { describe, expect, it } from 'vitest';
import { assertFetchableUrl, isPublicAddress } from './ssrf-guard.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('assertFetchableUrl', () => {
  const policy = { allowHosts: ['127.0.0.1:8788'] };
  it('refuses non-HTTP schemes, credentials and literal private addresses', () => {
    expect(() => assertFetchableUrl(policy, new URL('file:///etc/passwd'))).toThrow(/Refusing file:/);
    expect(() => assertFetchableUrl(policy, new URL('http://user:pw@example.com/'))).toThrow(/credentials/);
    expect(() => assertFetchableUrl(policy, new URL('http://169.254.169.254/latest/meta-data/'))).toThrow(
      /non-public/,
    );
    expect(() => assertFetchableUrl(policy, new URL('http://[::1]:8788/'))).toThrow(/non-public/);
    expect(() => assertFetchableUrl(policy, new URL('http://127.0.0.1:22/'))).toThrow(/non-public/);
  });

  it('lets the allow-listed host and port through', () => {
    expect(() => assertFetchableUrl(policy, new URL('http://127.0.0.1:8788/rss.xml'))).not.toThrow();
    expect(() => assertFetchableUrl(policy, new URL('https://example.com/'))).not.toThrow();
  });
});
