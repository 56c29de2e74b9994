/** The Ed25519 check of HTTP interactions (src/bot/interaction-signature.ts), with keys made by node:crypto. */
import { describe, expect, it } from 'vitest';
import { checkSignature, publicKeyFromHex } from '../../src/bot/interaction-signature.ts';
import { signatureOf, signingKey } from '../support/signed-interactions.ts';

const key = signingKey();
const publicKey = publicKeyFromHex(key.publicKeyHex);
const NOW = 1_760_000_000_000;
const timestamp = String(NOW / 1000);
const body = Buffer.from('{"type":1}');
const signed = { signature: signatureOf(key, timestamp, body), timestamp, body };

describe('checkSignature', () => {
  it('accepts Discord’s signature over the timestamp then the raw body', () => {
    expect(checkSignature(signed, publicKey, NOW)).toEqual({ ok: true });
    // Upper-case hex is the same signature.
    expect(checkSignature({ ...signed, signature: signed.signature.toUpperCase() }, publicKey, NOW).ok).toBe(
      true,
    );
  });

  it('refuses a signature by another key, a forged one, and one over other bytes', () => {
    const other = signingKey();
    const cases = [
      { ...signed, signature: signatureOf(other, timestamp, body) },
      { ...signed, signature: '0'.repeat(128) },
      { ...signed, body: Buffer.from('{"type":1} ') },
      { ...signed, timestamp: String(NOW / 1000 + 1) },
      // The signature of the body alone, without the timestamp in front.
      { ...signed, signature: signatureOf(key, '', body) },
    ];
    for (const request of cases) {
      expect(checkSignature(request, publicKey, NOW)).toEqual({ ok: false, reason: 'bad signature' });
    }
  });

  it('refuses missing headers and malformed ones without trying to verify', () => {
    expect(checkSignature({ ...signed, signature: undefined }, publicKey, NOW)).toEqual({
      ok: false,
      reason: 'missing headers',
    });
    expect(checkSignature({ ...signed, timestamp: '' }, publicKey, NOW).ok).toBe(false);
    for (const signature of ['zz'.repeat(64), signed.signature.slice(2), `${signed.signature}00`]) {
      expect(checkSignature({ ...signed, signature }, publicKey, NOW)).toEqual({
        ok: false,
        reason: 'malformed signature',
      });
    }
    expect(checkSignature({ ...signed, timestamp: '1e9' }, publicKey, NOW)).toEqual({
      ok: false,
      reason: 'malformed signature',
    });
  });

  it('refuses a genuine signature whose timestamp is more than five minutes off, either way', () => {
    const at = (seconds: number) => {
      const ts = String(NOW / 1000 + seconds);
      return checkSignature({ signature: signatureOf(key, ts, body), timestamp: ts, body }, publicKey, NOW);
    };
    expect(at(-299).ok).toBe(true);
    expect(at(299).ok).toBe(true);
    expect(at(-301)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(at(301)).toEqual({ ok: false, reason: 'stale timestamp' });
  });

  it('reads the 64 hex digits the Developer Portal shows, and nothing else', () => {
    expect(() => publicKeyFromHex(key.publicKeyHex.toUpperCase())).not.toThrow();
    expect(() => publicKeyFromHex(key.publicKeyHex.slice(2))).toThrow(/64 hex digits/);
    expect(() => publicKeyFromHex(`${key.publicKeyHex.slice(2)}zz`)).toThrow(/64 hex digits/);
  });
});
