/**
 * A seeded pseudo-random source. Demo data must be reproducible (same seed → same portfolio, for tests, the demo
 * command and the fixture server), so nothing here touches Math.random.
 */

/** Mixes a seed and a stream number into an independent 32-bit seed (a murmur3-style finalizer). */
export function deriveSeed(seed: number, stream: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream | 0, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The value whose share of the total weight covers position `u` (0 ≤ u < 1). */
export function pickByShare<T>(u: number, choices: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of choices) total += weight;
  let roll = u * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = choices[choices.length - 1];
  if (!last) throw new Error('cannot pick from an empty list');
  return last[0];
}

/** Strides of two Weyl sequences; irrational and independent of each other, so their points do not line up. */
export const WEYL_STRIDES = { golden: 0.6180339887498949, silver: 0.41421356237309515 } as const;

/**
 * Point `index` of a Weyl sequence (frac(offset + index × stride)): evenly spread over [0, 1) in every prefix, so
 * shares picked with it (latent bands, churn) hold in a 100-account portfolio as well as on average. The offset
 * comes from the seed, so each seed still gets its own assignment.
 */
export function evenlySpread(seed: number, stride: number, index: number): number {
  const offset = deriveSeed(seed, Math.round(stride * 1e9)) / 4294967296;
  const point = offset + index * stride;
  return point - Math.floor(point);
}

/** mulberry32: tiny, fast and good enough for fake data (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    return pickByShare(this.next(), choices);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median; sigma is the spread in log space. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson count (Knuth for small means, normal approximation above). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }
}
