/**
 * Who is connecting: the client's address, and the network it counts as for per-IP limits
 * and the host's network-share note. Addresses live in memory only; nothing here is stored.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The client's address. Behind your own proxy (`trustProxy`), the right-most
 * `X-Forwarded-For` entry: the one your proxy added; anything left of it came from the client
 * and may be made up. Without `trustProxy` the header is ignored: anyone can send it.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? '';
  if (!trustProxy) return peer;
  const forwarded = request.headers['x-forwarded-for'];
  const list = Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '');
  const last = list.split(',').at(-1)?.trim() ?? '';
  return isIP(last) ? last : peer;
}

/**
 * The network an address counts as: an IPv4 address itself, an IPv6 address by its /64 (one
 * device or home gets a whole /64, so counting single IPv6 addresses would limit nothing).
 */
export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
