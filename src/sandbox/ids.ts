// Duo-shaped identifiers and secrets. Seeded data uses a seeded PRNG (so the demo set is the same on
// every start); everything created later uses crypto randomness (so ids never repeat across restarts).
import {randomInt} from 'node:crypto'

export type Random = () => number

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A uniform [0, 1) source backed by the OS CSPRNG. */
export const secureRandom: Random = () => randomInt(0, 2 ** 47) / 2 ** 47

/** mulberry32: tiny, fast, good enough for reproducible fixtures. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d_2b_79_f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function randomString(length: number, alphabet: string, random: Random = secureRandom): string {
  // One flat string per id (not 18 concatenations): seeding 100,000 users makes 200,000 of them.
  const codes = new Array<number>(length)
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor(random() * alphabet.length))
  return String.fromCharCode(...codes)
}

/** Duo object ids: a two-letter prefix (DU user, DG group, DP phone, DH token …) + 18 uppercase alnum. */
export function duoId(prefix: string, random: Random = secureRandom): string {
  return prefix + randomString(18, UPPER_ALNUM, random)
}

export function digits(length: number, random: Random = secureRandom): string {
  return randomString(length, '0123456789', random)
}

export function generateCredentials(): {ikey: string; skey: string} {
  return {ikey: duoId('DI'), skey: randomString(40, MIXED_ALNUM)}
}
