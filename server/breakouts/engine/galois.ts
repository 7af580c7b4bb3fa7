/**
 * Arithmetic in the finite field GF(p^e), elements encoded as integers 0..q-1 (base-p digits are the
 * polynomial coefficients). Only what the design constructions need: add, sub, mul.
 */
export interface Field {
  readonly q: number;
  add(a: number, b: number): number;
  sub(a: number, b: number): number;
  mul(a: number, b: number): number;
}

/** q = p^e with p prime, or null. */
export function primePower(q: number): { p: number; e: number } | null {
  if (!Number.isInteger(q) || q < 2) return null;
  let p = 2;
  while (p * p <= q && q % p !== 0) p++;
  if (q % p !== 0) p = q; // q itself is prime
  let e = 0;
  let rest = q;
  while (rest % p === 0) {
    rest /= p;
    e++;
  }
  return rest === 1 ? { p, e } : null;
}

/** Larger fields would only serve groups of more than 65,536 people per round. */
const MAX_Q = 1 << 16;

export function makeField(q: number): Field | null {
  const pp = primePower(q);
  if (!pp || q > MAX_Q) return null;
  const { p, e } = pp;
  if (e === 1) {
    return {
      q,
      add: (a, b) => (a + b) % p,
      sub: (a, b) => (a - b + p) % p,
      mul: (a, b) => (a * b) % p,
    };
  }
  const digitsAdd = (a: number, b: number, sign: 1 | -1): number => {
    let out = 0;
    let scale = 1;
    for (let i = 0; i < e; i++) {
      const d = (((a % p) + sign * (b % p)) % p + p) % p;
      out += d * scale;
      scale *= p;
      a = Math.floor(a / p);
      b = Math.floor(b / p);
    }
    return out;
  };
  const tables = primitiveTables(p, e, q);
  const { exp, log } = tables;
  return {
    q,
    add: (a, b) => (p === 2 ? a ^ b : digitsAdd(a, b, 1)),
    sub: (a, b) => (p === 2 ? a ^ b : digitsAdd(a, b, -1)),
    mul: (a, b) => (a === 0 || b === 0 ? 0 : exp[(log[a]! + log[b]!) % (q - 1)]!),
  };
}

/**
 * Finds a primitive polynomial of degree e over GF(p) by trying monic candidates until x has
 * multiplicative order q-1 (which also proves the quotient ring is a field), and returns the
 * exp/log tables of x.
 */
function primitiveTables(p: number, e: number, q: number): { exp: Int32Array; log: Int32Array } {
  const top = q / p; // p^(e-1): weight of the highest digit
  for (let tail = 1; tail < q; tail++) {
    if (tail % p === 0) continue; // constant term 0: x is no unit
    const coeff: number[] = [];
    for (let i = 0, t = tail; i < e; i++, t = Math.floor(t / p)) coeff.push(t % p);
    const exp = new Int32Array(q - 1);
    const log = new Int32Array(q).fill(-1);
    let v = 1;
    let ok = true;
    for (let k = 0; k < q - 1; k++) {
      if (log[v] !== -1) {
        ok = false;
        break;
      }
      exp[k] = v;
      log[v] = k;
      // v * x mod f, where x^e = -(c_0 + c_1 x + ... + c_{e-1} x^{e-1})
      const high = Math.floor(v / top);
      const shifted = (v % top) * p;
      let next = 0;
      let scale = 1;
      for (let i = 0; i < e; i++) {
        const d = Math.floor(shifted / scale) % p;
        next += (((d - high * coeff[i]!) % p) + p) % p * scale;
        scale *= p;
      }
      v = next;
    }
    if (ok && v === 1) return { exp, log };
  }
  throw new Error(`no primitive polynomial found for GF(${p}^${e})`);
}
