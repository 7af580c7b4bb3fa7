/**
 * The catalogues of the kernel (client/i18n) and of every registered feature merged into one per language.
 * Features keep the key paths they always had (so no t() call changes); a path defined twice is an error.
 */
import type { Catalogue } from '../kernel/feature.js';

export interface Merged {
  catalogue: Catalogue;
  /** Key paths two catalogues both define (as a leaf, or a leaf in one and a subtree in the other). */
  collisions: string[];
}

export function mergeCatalogues(catalogues: readonly Catalogue[]): Merged {
  const collisions: string[] = [];
  const merge = (into: Catalogue, from: Catalogue, prefix: string) => {
    for (const [key, value] of Object.entries(from)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const existing = into[key];
      if (existing === undefined) into[key] = typeof value === 'string' ? value : merge({}, value, path);
      else if (typeof existing === 'string' || typeof value === 'string') collisions.push(path);
      else merge(existing, value, path);
    }
    return into;
  };
  const catalogue: Catalogue = {};
  for (const c of catalogues) merge(catalogue, c, '');
  return { catalogue, collisions };
}
