/**
 * Fitting content to a box by one number (a font size, or a zoom factor): the largest value in
 * [min, max] at which `fits(value)` holds, by binary search. Pure: the caller measures (in the browser:
 * set the font size, compare scrollHeight/scrollWidth with the box). Assumes `fits` is monotone (bigger
 * never fits when smaller does not), which holds for text reflowing in a box of fixed size.
 */
export interface FitOptions {
  min: number;
  max: number;
  /** Stop when the interval is narrower than this (font sizes: 0.5 px). */
  precision?: number;
}

export interface FitResult {
  value: number;
  /** false: even `min` does not fit (the caller shows it at `min`; it should choose a smaller min). */
  fits: boolean;
  /** How often `fits` was called (at most log2((max - min) / precision) + 2). */
  probes: number;
}

export function fitValue({ min, max, precision = 0.5 }: FitOptions, fits: (value: number) => boolean): FitResult {
  if (!(min > 0) || !(max >= min)) throw new RangeError(`fitValue: need 0 < min <= max, got ${min}, ${max}`);
  let probes = 1;
  if (fits(max)) return { value: max, fits: true, probes };
  probes++;
  if (!fits(min)) return { value: min, fits: false, probes };
  let lo = min; // fits
  let hi = max; // does not fit
  while (hi - lo > precision) {
    const mid = (lo + hi) / 2;
    probes++;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return { value: Math.floor(lo * 100) / 100, fits: true, probes };
}

/** The measuring callback for a DOM box: does its content fit without scrolling (1 px of rounding allowed)? */
export function boxFits(box: Pick<HTMLElement, 'scrollHeight' | 'clientHeight' | 'scrollWidth' | 'clientWidth'>): boolean {
  return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
}
