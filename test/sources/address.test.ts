/**
 * Which addresses a source may be fetched from: every private, loopback,
 * link-local, unique local, multicast, reserved and documentation address is
 * refused, in every way it can be written (IPv4, IPv6 full or compressed,
 * upper case, IPv4-mapped, NAT64, 6to4, with a zone id); public ones pass;
 * the allow-list lets named ones through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressProblem,
  nonPublicKind,
  parseIp,
  parseRange,
  parseRanges,
} from '../../src/sources/address.ts';

/** An address inside `base/prefix`: the prefix's bits, random bits after it. */
function inside(base: number[], prefix: number, size: 4 | 16): fc.Arbitrary<number[]> {
  return fc.uint8Array({ minLength: size, maxLength: size }).map((random) => {
    const bytes = [...random];
    for (let bit = 0; bit < prefix; bit++) {
      const i = bit >> 3;
      const mask = 0x80 >> (bit & 7);
      bytes[i] = ((base[i] ?? 0) & mask) | (bytes[i]! & ~mask);
    }
    return bytes;
  });
}

const dotted = (b: number[]) => b.join('.');

/** The eight 16-bit groups of an IPv6 address. */
const groupsOf = (b: number[]) => Array.from({ length: 8 }, (_, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);

/** IPv6 text in one of several styles: full with leading zeros, plain groups, `::`-compressed, upper case. */
function ipv6Text(bytes: number[], style: number): string {
  const groups = groupsOf(bytes);
  const hex = groups.map((g) => g.toString(16));
  let text: string;
  switch (style % 4) {
    case 0:
      text = groups.map((g) => g.toString(16).padStart(4, '0')).join(':');
      break;
    case 1:
      text = hex.join(':');
      break;
    default: {
      // Compress the longest run of zero groups (any run of two or more).
      let best = [-1, 0];
      for (let i = 0; i < 8; ) {
        let j = i;
        while (j < 8 && groups[j] === 0) j++;
        if (j - i > best[1]!) best = [i, j - i];
        i = j === i ? i + 1 : j;
      }
      const [at, length] = best as [number, number];
      text =
        length >= 2 ? `${hex.slice(0, at).join(':')}::${hex.slice(at + length).join(':')}` : hex.join(':');
    }
  }
  return style % 4 === 3 ? text.toUpperCase() : text;
}

/** An IPv4 address written in IPv6 forms that reach it. */
function carrying(v4: number[], style: number): string {
  const [a, b, c, d] = v4 as [number, number, number, number];
  const hi = ((a << 8) | b).toString(16);
  const lo = ((c << 8) | d).toString(16);
  const forms = [
    `::ffff:${dotted(v4)}`,
    `::ffff:${hi}:${lo}`,
    `0:0:0:0:0:ffff:${dotted(v4)}`,
    `0000:0000:0000:0000:0000:FFFF:${hi.padStart(4, '0')}:${lo.padStart(4, '0')}`,
    `[::ffff:${dotted(v4)}]`,
    `64:ff9b::${dotted(v4)}`,
    `64:ff9b::${hi}:${lo}`,
    `2002:${hi}:${lo}::1`,
    `::${dotted(v4)}`, // IPv4-compatible: deprecated, refused whatever it carries
  ];
  return forms[style % forms.length]!;
}

const IPV4_NON_PUBLIC: [number[], number][] = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 88, 99], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];

const IPV6_NON_PUBLIC: [number[], number][] = [
  [[], 128], // ::
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128], // ::1
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // site-local
  [[0xff], 8], // multicast
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x20, 0x01, 0x00, 0x00], 32], // Teredo
  [[0x20, 0x01], 23], // IETF protocol assignments
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // local-use NAT64
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64], // discard
  [[0x3f, 0xff], 20], // documentation
  [[0x5f, 0x00], 16], // segment routing
  [[0x40], 2], // 4000::/2, unallocated
  [[0x00], 3], // ::/3 (not global unicast)
];

const v4NonPublic = fc.oneof(...IPV4_NON_PUBLIC.map(([base, prefix]) => inside(base, prefix, 4)));
const v6NonPublic = fc.oneof(...IPV6_NON_PUBLIC.map(([base, prefix]) => inside(base, prefix, 16)));

describe('address checks', () => {
  it('refuses every non-public IPv4 address', () => {
    fc.assert(
      fc.property(v4NonPublic, (bytes) => {
        expect(addressProblem(dotted(bytes))).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every non-public IPv6 address, however it is written', () => {
    fc.assert(
      fc.property(v6NonPublic, fc.nat(), (bytes, style) => {
        const text = ipv6Text(bytes, style);
        expect(addressProblem(text), text).not.toBeNull();
        expect(addressProblem(`[${text}]`), text).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every IPv6 form that carries a non-public IPv4 address (mapped, NAT64, 6to4, compatible)', () => {
    fc.assert(
      fc.property(v4NonPublic, fc.nat(), (v4, style) => {
        const text = carrying(v4, style);
        expect(addressProblem(text), text).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses link-local addresses with a zone id', () => {
    expect(addressProblem('fe80::1%eth0')).toBe('a link-local address');
    expect(addressProblem('FE80::abcd%25lo')).toBe('a link-local address');
  });

  it('names the kind of address refused', () => {
    expect(addressProblem('127.0.0.1')).toBe('a loopback address');
    expect(addressProblem('::1')).toBe('a loopback address');
    expect(addressProblem('10.1.2.3')).toBe('a private address');
    expect(addressProblem('169.254.169.254')).toBe('a link-local address');
    expect(addressProblem('fd12:3456::1')).toBe('a unique local address');
    expect(addressProblem('::ffff:127.0.0.1')).toBe('an IPv4-mapped loopback address');
    expect(addressProblem('::ffff:7f00:1')).toBe('an IPv4-mapped loopback address');
    expect(addressProblem('64:ff9b::a00:1')).toBe('a NAT64 private address');
    expect(addressProblem('2002:c0a8:0101::1')).toBe('a 6to4 private address');
    expect(addressProblem('::8.8.8.8')).toBe('a reserved (IPv4-compatible) address');
    expect(addressProblem('::')).toBe('an unspecified address');
    expect(addressProblem('0.0.0.0')).toBe('an unspecified ("this network") address');
    expect(addressProblem('not an address')).toBe('not an IP address');
  });

  it('lets public unicast addresses through, in any form', () => {
    for (const text of [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.216.34',
      '151.101.0.81',
      '100.63.255.255', // just below shared address space
      '100.128.0.0', // just above it
      '172.15.255.255',
      '172.32.0.0',
      '2606:4700:4700::1111',
      '2a00:1450:4009:81f::200e',
      '[2001:4860:4860::8888]',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:0808:0808::1',
    ]) {
      expect(addressProblem(text), text).toBeNull();
    }
  });

  it('agrees with the IPv4 table on random addresses', () => {
    const table = IPV4_NON_PUBLIC.map(([base, prefix]) => {
      const value = base.reduce((n, b, i) => n + b * 256 ** (3 - i), 0);
      return { start: value, end: value + 2 ** (32 - prefix) - 1 };
    });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
        const value = [...bytes].reduce((n, b) => n * 256 + b, 0);
        const listed = table.some(({ start, end }) => value >= start && value <= end);
        expect(addressProblem(dotted([...bytes])) !== null).toBe(listed);
      }),
      { numRuns: 5000 },
    );
  });

  it('parses IPv6 to the same 16 bytes in every style', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.nat(), (bytes, style) => {
        expect([...parseIp(ipv6Text([...bytes], style))!.bytes]).toEqual([...bytes]);
      }),
      { numRuns: 3000 },
    );
    expect([...parseIp('1:2:3:4:5:6:7.8.9.10')!.bytes]).toEqual([
      0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 7, 8, 9, 10,
    ]);
    expect(nonPublicKind(parseIp('2001:db8::1')!)).toBe('documentation');
  });
});

describe('the allow-list (SOURCE_FETCH_ALLOW_ADDRESSES)', () => {
  it('lets the addresses and ranges it names through, in their IPv6-mapped forms too', () => {
    const allow = parseRanges('127.0.0.1, 10.0.0.0/8 fd00::/8');
    expect(addressProblem('127.0.0.1', allow)).toBeNull();
    expect(addressProblem('::ffff:127.0.0.1', allow)).toBeNull();
    expect(addressProblem('127.0.0.2', allow)).toBe('a loopback address');
    expect(addressProblem('::1', allow)).toBe('a loopback address');
    expect(addressProblem('10.200.3.4', allow)).toBeNull();
    expect(addressProblem('192.168.1.1', allow)).toBe('a private address');
    expect(addressProblem('fd12::1', allow)).toBeNull();
    expect(addressProblem('fe80::1', allow)).toBe('a link-local address');
  });

  it('allows nothing extra when empty, and refuses what is not an address or range', () => {
    expect(parseRanges('')).toEqual([]);
    expect(parseRanges(' , ')).toEqual([]);
    expect(() => parseRange('localhost')).toThrow('localhost is not an IP address or CIDR range');
    expect(() => parseRange('10.0.0.0/33')).toThrow('bad prefix length (0–32)');
    expect(() => parseRange('::/129')).toThrow('bad prefix length (0–128)');
    expect(() => parseRange('10.0.0.0/x')).toThrow('bad prefix length');
    expect(parseRange('::1')).toMatchObject({ family: 6, prefix: 128 });
  });
});
