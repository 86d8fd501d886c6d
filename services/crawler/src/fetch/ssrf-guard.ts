import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AppError } from '@claimwatch/shared/errors';

/**
 * Refuses connections to addresses that are not on the public internet (loopback, private, link-local,
 * cloud metadata, carrier-grade NAT, multicast, reserved). The check runs on the address the socket
 * will actually connect to (inside DNS lookup), so a DNS answer that changes between checks
 * (rebinding) cannot slip through; every redirect hop goes through it again.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 address: judge that.
    const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (embedded) return !blocked.check(embedded[1]!, 'ipv4');
    // Node's BlockList also applies IPv6 rules to IPv4-mapped forms, so IPv6 is checked on its own list.
    return !blockedV6.check(address, 'ipv6');
  }
  return false;
}

export type SsrfPolicy = {
  /** `host` or `host:port` entries let through whatever they resolve to (the bundled demo site). */
  allowHosts: readonly string[];
};

export function isAllowListed(policy: SsrfPolicy, hostname: string, port: string | number): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return policy.allowHosts.includes(host) || policy.allowHosts.includes(`${host}:${port}`);
}

/** Checks a URL before connecting: scheme, and literal IP hosts (which skip DNS lookup). */
export function assertFetchableUrl(policy: SsrfPolicy, url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('fetch_ssrf_refused', `Refusing ${url.protocol} URL ${url.href}`);
  }
  if (url.username || url.password) {
    throw new AppError('fetch_ssrf_refused', 'Refusing a URL with credentials');
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host) && !isAllowListed(policy, host, port)) {
    throw new AppError('fetch_ssrf_refused', `Refusing non-public address ${host}`);
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `dns.lookup` replacement for the HTTP agent: resolves, then refuses non-public answers. It does not
 * know the port, so only bare host names of the allow list apply here (`host:port` entries are for
 * literal IP hosts, checked by `assertFetchableUrl`).
 */
export function createGuardedLookup(policy: SsrfPolicy) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      if (!policy.allowHosts.includes(hostname.toLowerCase())) {
        const refused = list.find((a) => !isPublicAddress(a.address));
        if (refused) {
          const error = new AppError(
            'fetch_ssrf_refused',
            `Refusing ${hostname}: resolves to non-public address ${refused.address}`,
          ) as unknown as NodeJS.ErrnoException;
          return callback(error, []);
        }
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      return callback(null, first.address, first.family);
    });
  };
}
