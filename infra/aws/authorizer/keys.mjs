// The API key check of the feedback route: PIGEONHOLE_API_KEYS is "client-id:sha256-hex-of-key,...";
// a request is let through when the SHA-256 of its X-API-Key header equals one of the hashes.
import { createHash, timingSafeEqual } from 'node:crypto';

const ENTRY = /^([A-Za-z0-9._-]+):([0-9a-f]{64})$/;

/** Parses the comma-separated entries; throws naming the first malformed one (never echoing a hash). */
export function parseKeys(value) {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new Error('PIGEONHOLE_API_KEYS holds no key: expected client-id:sha256-hex-of-key,...');
  }
  return entries.map((entry, index) => {
    const separator = entry.lastIndexOf(':');
    const match = ENTRY.exec(`${entry.slice(0, separator)}:${entry.slice(separator + 1).toLowerCase()}`);
    if (!match) {
      throw new Error(`PIGEONHOLE_API_KEYS entry ${index + 1} is not client-id:sha256-hex-of-key`);
    }
    return { clientId: match[1], hash: Buffer.from(match[2], 'hex') };
  });
}

/** The client id whose key hashes to the same SHA-256 as apiKey, or null. Compares every entry in constant time. */
export function clientFor(keys, apiKey) {
  if (typeof apiKey !== 'string' || apiKey === '') {
    return null;
  }
  const hash = createHash('sha256').update(apiKey, 'utf8').digest();
  let found = null;
  for (const key of keys) {
    if (timingSafeEqual(hash, key.hash) && found === null) {
      found = key.clientId;
    }
  }
  return found;
}
