import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, networkOf } from './client-address.js';
import { IpLimits } from './ip-limits.js';

const request = (remoteAddress: string, forwarded?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted, and then takes its right-most entry', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), false)).toBe('10.0.0.5');
    expect(clientAddress(request('10.0.0.5', '198.51.100.1, 203.0.113.7'), true)).toBe('203.0.113.7');
    // Nothing usable forwarded: the peer it is.
    expect(clientAddress(request('10.0.0.5', 'unknown'), true)).toBe('10.0.0.5');
    expect(clientAddress(request('10.0.0.5'), true)).toBe('10.0.0.5');
  });

  it('counts an IPv4 address as itself and an IPv6 address by its /64', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(networkOf('2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
  });
});

describe('per-IP limits', () => {
  it('forget networks that went quiet, so memory stays bounded by who is here', () => {
    let time = 0;
    const limits = new IpLimits({
      ratePerSecond: 20,
      burst: 100,
      sockets: 1,
      trustProxy: false,
      now: () => time,
    });
    expect(limits.admit(request('198.51.100.1')).ok).toBe(true);
    for (let i = 0; i < 5000; i++) {
      const admission = limits.admit(request(`10.0.${i >> 8}.${i & 255}`));
      if (admission.ok) admission.release();
      time += 1; // each bucket is full again 50 ms later: idle, and dropped at the next sweep
    }
    expect(limits.size).toBeLessThanOrEqual(1024);
    // The network with a socket still open is remembered: its one socket is still counted.
    expect(limits.admit(request('198.51.100.1'))).toMatchObject({ ok: false, retryAfterS: 10 });
  });
});
