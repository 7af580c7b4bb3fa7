import { DomainError } from '../../shared/errors.js';

/** The DomainError code a pure rule throws: undefined when it does not throw, 'other' for any other error. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'other';
  }
}
