/**
 * Which network addresses a source may be fetched from. A URL a moderator
 * pastes must not make the bot reach into its own host or network (the
 * loopback interface, a cloud metadata service at 169.254.169.254, a router
 * at 192.168.0.1, a unique local IPv6 address), so every address a host
 * resolves to is classified here and anything but a public unicast address
 * is refused, unless the configuration allows it
 * (SOURCE_FETCH_ALLOW_ADDRESSES, as IP addresses and CIDR ranges).
 *
 * IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`,
 * NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by the IPv4 address
 * they reach; the deprecated and tunnelling forms (IPv4-compatible `::/96`,
 * Teredo) are refused outright.
 */
import net from 'node:net';

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

/** A CIDR range (`10.0.0.0/8`, `::1/128`). */
export interface AddressRange {
  family: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
  /** As written in the configuration, for messages. */
  text: string;
}

/** Parses an IPv4 or IPv6 address (IPv6 in brackets, or with a zone id, accepted); null if it is neither. */
export function parseIp(text: string): IpAddress | null {
  let t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  const zone = t.indexOf('%');
  if (zone !== -1) t = t.slice(0, zone);
  if (net.isIPv4(t)) return { family: 4, bytes: Uint8Array.from(t.split('.').map(Number)) };
  if (!net.isIPv6(t)) return null;
  return { family: 6, bytes: parseIPv6(t) };
}

/** 16 bytes of a string `net.isIPv6` accepted (with `::` and an optional dotted IPv4 tail). */
function parseIPv6(text: string): Uint8Array {
  let t = text.toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (dotted) {
    tail.push(...dotted[1]!.split('.').map(Number));
    // The dotted part stands for two groups; keep the separator before it.
    t = `${t.slice(0, dotted.index)}0:0`;
  }
  const [head, rest] = t.includes('::') ? t.split('::') : [t, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(rest);
  const words =
    rest === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  if (tail.length) bytes.set(tail, 12);
  return bytes;
}

/** Whether the first `prefix` bits of `bytes` equal those of `base`. */
function inPrefix(bytes: Uint8Array, base: readonly number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const i = bit / 8;
    if ((bytes[i]! & mask) !== ((base[i] ?? 0) & mask)) return false;
  }
  return true;
}

type Table = readonly (readonly [base: number[], prefix: number, kind: string])[];

/** IPv4 special-purpose ranges (IANA registry, RFC 6890 and successors): none of them is public. */
const IPV4: Table = [
  [[0], 8, 'unspecified ("this network")'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'shared (carrier-grade NAT)'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'reserved (IETF protocol assignments)'],
  [[192, 0, 2], 24, 'documentation'],
  [[192, 88, 99], 24, 'reserved (6to4 relay)'],
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'benchmarking'],
  [[198, 51, 100], 24, 'documentation'],
  [[203, 0, 113], 24, 'documentation'],
  [[224], 4, 'multicast'],
  [[240], 4, 'reserved'],
];

/** IPv6 special-purpose ranges, after the forms that carry an IPv4 address are taken out. */
const IPV6: Table = [
  [[0x01, 0x00], 64, 'reserved (discard)'],
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'private (local-use NAT64)'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  // Teredo (2001::/32), benchmarking, ORCHID and the rest of the IETF protocol assignments.
  [[0x20, 0x01], 23, 'reserved (IETF protocol assignments)'],
  [[0x3f, 0xff], 20, 'documentation'],
  [[0x5f, 0x00], 16, 'reserved (segment routing)'],
  [[0xfc], 7, 'unique local'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'site-local'],
  [[0xff], 8, 'multicast'],
];

function lookUp(table: Table, bytes: Uint8Array): string | null {
  for (const [base, prefix, kind] of table) if (inPrefix(bytes, base, prefix)) return kind;
  return null;
}

/** The IPv4 address an IPv6 address reaches, when it is one of the forms that carry one. */
export function embeddedIPv4(address: IpAddress): { bytes: Uint8Array; form: string } | null {
  if (address.family !== 6) return null;
  const b = address.bytes;
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return { bytes: b.slice(12), form: 'IPv4-mapped' };
  if (inPrefix(b, [0x00, 0x64, 0xff, 0x9b], 96)) return { bytes: b.slice(12), form: 'NAT64' };
  if (inPrefix(b, [0x20, 0x02], 16)) return { bytes: b.slice(2, 6), form: '6to4' };
  return null;
}

/**
 * What kind of address this is when it is not public ("loopback",
 * "IPv4-mapped private", "unique local"), or null for a public unicast address.
 */
export function nonPublicKind(address: IpAddress): string | null {
  const b = address.bytes;
  if (address.family === 4) return lookUp(IPV4, b);
  if (b.every((x) => x === 0)) return 'unspecified';
  if (b.slice(0, 15).every((x) => x === 0) && b[15] === 1) return 'loopback';
  const carried = embeddedIPv4(address);
  if (carried) {
    const kind = lookUp(IPV4, carried.bytes);
    return kind ? `${carried.form} ${kind}` : null;
  }
  if (b.slice(0, 12).every((x) => x === 0)) return 'reserved (IPv4-compatible)';
  if (b.slice(0, 8).every((x) => x === 0) && b[8] === 0xff && b[9] === 0xff && b[10] === 0 && b[11] === 0)
    return 'reserved (IPv4-translated)';
  const special = lookUp(IPV6, b);
  if (special) return special;
  // Global unicast is 2000::/3; everything else is unallocated.
  return (b[0]! & 0xe0) === 0x20 ? null : 'reserved (unallocated)';
}

/** Parses `10.0.0.0/8`, `::1` (one address), `fd00::/8`. Throws on anything else. */
export function parseRange(text: string): AddressRange {
  const t = text.trim();
  const slash = t.lastIndexOf('/');
  const address = parseIp(slash === -1 ? t : t.slice(0, slash));
  if (!address) throw new Error(`${t} is not an IP address or CIDR range`);
  const max = address.family === 4 ? 32 : 128;
  const digits = slash === -1 ? String(max) : t.slice(slash + 1);
  const prefix = Number(digits);
  if (!/^\d{1,3}$/.test(digits) || prefix > max) throw new Error(`${t} has a bad prefix length (0–${max})`);
  return { ...address, prefix, text: t };
}

/** A comma- or space-separated allow-list; empty text, none. */
export function parseRanges(text: string): AddressRange[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => parseRange(part));
}

function inRange(address: IpAddress, range: AddressRange): boolean {
  return address.family === range.family && inPrefix(address.bytes, [...range.bytes], range.prefix);
}

/**
 * Null when the bot may connect to `text` (a public address, or one the
 * allow-list names), else what kind of address it is: "a loopback address".
 * An IPv6 form carrying an IPv4 address is allowed when that IPv4 address is.
 */
export function addressProblem(text: string, allow: readonly AddressRange[] = []): string | null {
  const address = parseIp(text);
  if (!address) return 'not an IP address';
  const kind = nonPublicKind(address);
  if (!kind) return null;
  const carried = embeddedIPv4(address);
  const forms = carried ? [address, { family: 4 as const, bytes: carried.bytes }] : [address];
  if (forms.some((a) => allow.some((r) => inRange(a, r)))) return null;
  // "an IPv4-mapped …", "an unspecified …", but "a unique local …".
  return `${/^(?:[aeio]|un(?!i))/i.test(kind) ? 'an' : 'a'} ${kind} address`;
}
