/**
 * Discord's signature on an HTTP interaction: Ed25519 over the
 * `X-Signature-Timestamp` header followed by the raw request body, with the
 * application's public key (Developer Portal → General Information), sent
 * hex-encoded in `X-Signature-Ed25519`. Checked with Node's own crypto: no
 * dependency.
 *
 * A request is accepted only when the signature is valid for exactly these
 * bytes and the timestamp is recent: a signed request captured and sent
 * again later is refused, as is any byte changed in transit.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** How far a signed timestamp may be from now, either way (clocks drift; replays are refused past it). */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

/** The DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The public key Node's crypto verifies with, from the 64 hex digits Discord shows. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex digits');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** Why a request's signature was refused; `ok` when it was not. */
export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing headers' | 'malformed signature' | 'bad signature' | 'stale timestamp' };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

const SIGNATURE = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP = /^\d{1,12}$/;

/** Checks a request's signature and the freshness of its timestamp (seconds since the epoch). */
export function checkSignature(
  request: SignedRequest,
  key: KeyObject,
  now: number = Date.now(),
  maxAgeSeconds = MAX_SIGNATURE_AGE_SECONDS,
): SignatureCheck {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing headers' };
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp))
    return { ok: false, reason: 'malformed signature' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  let valid: boolean;
  try {
    valid = verify(null, signed, key, Buffer.from(signature, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad signature' };
  // Checked after the signature, so that only Discord's own (genuine but old) requests are called stale.
  if (Math.abs(now / 1000 - Number(timestamp)) > maxAgeSeconds)
    return { ok: false, reason: 'stale timestamp' };
  return { ok: true };
}
