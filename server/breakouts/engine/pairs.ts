/**
 * How often each pair of people has met (history plus the rounds being planned). A flat symmetric
 * Uint16Array up to DENSE_LIMIT people (8 MB at the limit); above it a Map holding only pairs that met,
 * so 10,000 people never allocate n² cells.
 */
export interface PairCounts {
  get(a: number, b: number): number;
  inc(a: number, b: number): number;
  dec(a: number, b: number): number;
}

export const DENSE_LIMIT = 2048;

class DenseCounts implements PairCounts {
  private readonly cells: Uint16Array;
  constructor(private readonly n: number) {
    this.cells = new Uint16Array(n * n);
  }
  get(a: number, b: number): number {
    return this.cells[a * this.n + b]!;
  }
  /** Returns the count after the change. */
  inc(a: number, b: number): number {
    const v = this.cells[a * this.n + b]! + 1;
    if (v > 0xffff) return v - 1; // saturate: 65,535 meetings of one pair is beyond any real event
    this.cells[a * this.n + b] = v;
    this.cells[b * this.n + a] = v;
    return v;
  }
  dec(a: number, b: number): number {
    const v = this.cells[a * this.n + b]! - 1;
    this.cells[a * this.n + b] = v;
    this.cells[b * this.n + a] = v;
    return v;
  }
}

class SparseCounts implements PairCounts {
  private readonly cells = new Map<number, number>();
  constructor(private readonly n: number) {}
  private key(a: number, b: number): number {
    return a < b ? a * this.n + b : b * this.n + a;
  }
  get(a: number, b: number): number {
    return this.cells.get(this.key(a, b)) ?? 0;
  }
  inc(a: number, b: number): number {
    const k = this.key(a, b);
    const v = (this.cells.get(k) ?? 0) + 1;
    this.cells.set(k, v);
    return v;
  }
  dec(a: number, b: number): number {
    const k = this.key(a, b);
    const v = (this.cells.get(k) ?? 0) - 1;
    if (v <= 0) this.cells.delete(k);
    else this.cells.set(k, v);
    return v;
  }
}

export function createPairCounts(n: number): PairCounts {
  return n <= DENSE_LIMIT ? new DenseCounts(n) : new SparseCounts(n);
}
