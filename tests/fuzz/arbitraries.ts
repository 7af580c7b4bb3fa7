/**
 * Payload generators for every command, derived from its zod schema (via z.toJSONSchema, zod's public
 * conversion) so that a command added to shared/socket.ts is fuzzed without touching this file.
 * `validPayload` follows the schema (ids are drawn from a pool of real ids of this and another event);
 * `invalidPayload` takes a valid one and breaks it in one of the ways of issue 12.
 */
import fc from 'fast-check';
import { z } from 'zod';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Where ids come from: filled from staff snapshots of the fuzzed event and of a foreign one. */
export interface IdPool {
  ids: string[];
  /** The same ids by `feature:list` where they were found (`qa:questions`, `polls:options`, `breakouts:rounds` …). */
  byList: Record<string, string[]>;
  /** The command's domain (`qa` of `qa:vote`): a plain `id` field most likely names something of it. */
  domain?: string;
}

/** The pool seen from one command: reads the live pool (it is refilled during a run), knows the domain. */
export function scoped(pool: IdPool, domain: string): IdPool {
  return Object.create(pool, { domain: { value: domain } }) as IdPool;
}

/** Ids a field probably wants: `roundId` → ids found in `rounds`, `personId` → `people`, `id` of `qa:…` → qa's. */
function candidates(pool: IdPool, key: string): string[] {
  const stem = key.replace(/Ids?$/, '').toLowerCase();
  const lists = Object.keys(pool.byList).filter((tag) => {
    const [feature, list = ''] = tag.split(':');
    if (!stem || stem === 'id' || stem === 'ids') return feature === pool.domain;
    return list.toLowerCase().startsWith(stem.slice(0, 4)) || (stem === 'person' && list === 'people');
  });
  const found = lists.flatMap((l) => pool.byList[l]!);
  return found.length ? found : pool.ids;
}

/** Strings that have broken servers elsewhere: direction overrides, zero width, lone surrogates, NUL, emoji. */
export const UNICODE_EDGES = [
  '\u202Eevil\u202C', '\u200F\u05E9\u05DC\u05D5\u05DD', 'a\u200Bb\u200Cc\u200Dd\uFEFF', '\uD800', '\uDC00x', 'x\uD83D',
  '\u0000', 'a\u0000b', '\u{1F600}\u{1F469}\u200D\u{1F469}\u200D\u{1F467}', 'e\u0301\u0301\u0301\u0301', '\uFFFF\uFFFE',
  '<script>alert(1)</script>', '"\\\'`${x}', '%s%n%x', '\r\n\t', ' ', '\u00A0\u2028\u2029',
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

const MAX_GEN_STRING = 40;
const MAX_GEN_ITEMS = 4;

function isIdKey(key: string | undefined): boolean {
  return !!key && (/(^id$|Id$|Ids$|^ids$)/.test(key) || key === 'a' || key === 'b' || key === 'people');
}

function stringArb(s: JsonSchema, key: string | undefined, pool: IdPool): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Math.max(min, MAX_GEN_STRING);
  const fits = (v: string) => v.length >= min && v.length <= max && (!s.pattern || new RegExp(s.pattern).test(v));
  let base: fc.Arbitrary<string>;
  if (s.pattern) base = fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  else if (s.format === 'email') base = fc.emailAddress().filter(fits);
  else if (s.format === 'uri' || s.format === 'url') base = fc.oneof(fc.constant('https://meet.example.org/raum-1'), fc.webUrl({ size: 'small' })).map((u) => (fits(u) ? u : 'https://e.org'));
  else if (s.format === 'date-time' || s.format === 'datetime') base = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  else {
    const cap = Math.min(max, Math.max(min, MAX_GEN_STRING));
    const plain = fc.string({ minLength: min, maxLength: cap, unit: 'grapheme' }).filter(fits);
    const edge = fc.constantFrom(...UNICODE_EDGES).map((e) => e.padEnd(min, 'x').slice(0, max)).filter(fits);
    // Sometimes exactly the longest allowed text: limits are where off-by-one bugs live.
    const longest = fc.constant('Ä'.repeat(Math.min(max, 2_000))).filter(fits);
    base = fc.oneof({ weight: 12, arbitrary: plain }, { weight: 3, arbitrary: edge }, { weight: 1, arbitrary: longest });
  }
  if (isIdKey(key)) {
    // Read the pool at generation time: the suite refills it as the fuzzed commands create and delete things.
    const real = fc.nat().chain((i) => {
      const usable = candidates(pool, key!).filter(fits);
      return usable.length ? fc.constant(usable[i % usable.length]!) : base;
    });
    return fc.oneof({ weight: 6, arbitrary: real }, { weight: 1, arbitrary: base });
  }
  return base;
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  const lo = Math.max(min, -Number.MAX_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  if (integer) {
    // Small values most of the time (indexes, counts), the bounds some of the time.
    const small = fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.min(hi, Math.max(lo, 0) + 10)) });
    return fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(Math.ceil(lo), Math.floor(hi)) }, { weight: 1, arbitrary: fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) });
  }
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values that follow the JSON schema (refinements aside: the server's parse decides). */
export function valid(s: JsonSchema, pool: IdPool, root: JsonSchema = s, key?: string, depth = 0): fc.Arbitrary<unknown> {
  if (s.$ref) {
    const name = s.$ref.replace(/^#\/\$defs\//, '');
    const target = s.$ref === '#' ? root : root.$defs?.[name];
    if (!target || depth > 4) return fc.constant(null);
    return valid(target, pool, root, key, depth + 1);
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valid(a, pool, root, key, depth + 1)));
  if (s.allOf?.length) return valid(s.allOf[0]!, pool, root, key, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s, key, pool);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => valid(p, pool, root, key, depth + 1)));
      const min = s.minItems ?? 0;
      const max = Math.max(min, Math.min(s.maxItems ?? MAX_GEN_ITEMS, MAX_GEN_ITEMS));
      return fc.array(valid(s.items ?? {}, pool, root, key, depth + 1), { minLength: min, maxLength: max });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const keys = Object.keys(props);
      if (!keys.length && s.additionalProperties && typeof s.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), valid(s.additionalProperties, pool, root, undefined, depth + 1), { maxKeys: 3 });
      }
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) record[k] = valid(props[k]!, pool, root, k, depth + 1);
      return fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) });
    }
    default:
      // Unrepresentable parts (transforms, custom checks): anything JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---- breaking a valid payload ----

export type InvalidKind =
  | 'wrongType' | 'missingField' | 'extraField' | 'protoKey' | 'hugeString' | 'emptyString' | 'unicodeEdge'
  | 'deepNesting' | 'badNumber' | 'notAnObject' | 'oversizedFrame';

type Path = Array<string | number>;

/** Every path to a value inside `v` (the root is []). */
function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const copy: any = structuredClone(root);
  let cur = copy;
  for (const p of path.slice(0, -1)) cur = cur[p];
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

function getAt(root: unknown, path: Path): unknown {
  let cur: any = root;
  for (const p of path) cur = cur?.[p];
  return cur;
}

function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const otherTypes = (v: unknown): unknown[] => {
  const all: unknown[] = ['1', 1, true, null, [], {}, [1, 'x'], { id: 'x' }];
  return all.filter((x) => typeof x !== typeof v || Array.isArray(x) !== Array.isArray(v) || (x === null) !== (v === null));
};

const BAD_NUMBERS = [-1, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 2 ** 31, NaN, Infinity, -Infinity, 1e-300];

/** Breaks a valid payload in one way; `kind` says which (for the printed statistics). */
export function invalid(validArb: fc.Arbitrary<unknown>): fc.Arbitrary<{ kind: InvalidKind; payload: unknown }> {
  return fc.tuple(validArb, fc.nat(), fc.nat(), fc.constantFrom<InvalidKind>(
    'wrongType', 'missingField', 'extraField', 'protoKey', 'hugeString', 'emptyString', 'unicodeEdge', 'deepNesting', 'badNumber', 'notAnObject', 'oversizedFrame',
  )).map(([v, a, b, kind]) => ({ kind, payload: breakIt(v, kind, a, b) }));
}

function breakIt(v: unknown, kind: InvalidKind, a: number, b: number): unknown {
  const all = paths(v);
  const pick = <T>(xs: T[]): T => xs[a % xs.length]!;
  const objects = all.filter((p) => { const x = getAt(v, p); return x && typeof x === 'object' && !Array.isArray(x); });
  const strings = all.filter((p) => typeof getAt(v, p) === 'string');
  const numbers = all.filter((p) => typeof getAt(v, p) === 'number');
  const keyed = all.filter((p) => p.length && typeof p[p.length - 1] === 'string');
  switch (kind) {
    case 'wrongType': {
      const p = pick(all);
      return setAt(v, p, pick(otherTypes(getAt(v, p)).length ? otherTypes(getAt(v, p)) : [Symbol.for('x').toString()]));
    }
    case 'missingField':
      return keyed.length ? setAt(v, pick(keyed), undefined, true) : undefined;
    case 'extraField': {
      const p = objects.length ? pick(objects) : [];
      return objects.length ? setAt(v, [...p, `extra${b % 7}`], pick(['x', 1, null, { nested: true }, []])) : { extra: 1 };
    }
    case 'protoKey': {
      const p = objects.length ? pick(objects) : null;
      const key = PROTO_KEYS[b % PROTO_KEYS.length]!;
      // JSON.parse makes `__proto__` an own key, as it is when the server parses the frame.
      const poison = JSON.parse(`{"${key}": {"polluted": true, "role": "organizer", "isAdmin": true}}`);
      if (!p) return poison;
      const inner = JSON.stringify(getAt(v, p));
      const rest = inner === '{}' ? '' : `,${inner.slice(1, -1)}`;
      const merged = JSON.parse(`{"${key}":{"polluted":true,"role":"organizer"}${rest}}`);
      return setAt(v, p, merged);
    }
    case 'hugeString': {
      // Under the frame limit (16,000 bytes): the schema, not the transport, must refuse it.
      const huge = 'W'.repeat(12_000 + (b % 1000));
      return strings.length ? setAt(v, pick(strings), huge) : setAt(v, objects.length ? [...pick(objects), 'text'] : [], huge);
    }
    case 'emptyString':
      return strings.length ? setAt(v, pick(strings), '') : '';
    case 'unicodeEdge': {
      const edge = UNICODE_EDGES[b % UNICODE_EDGES.length]!;
      return strings.length ? setAt(v, pick(strings), edge) : edge;
    }
    case 'deepNesting':
      return setAt(v, pick(all), nested(200 + (b % 1800), 'deep'));
    case 'badNumber': {
      const n = BAD_NUMBERS[b % BAD_NUMBERS.length]!;
      return numbers.length ? setAt(v, pick(numbers), n) : setAt(v, pick(all), n);
    }
    case 'notAnObject':
      return [null, undefined, [], 'payload', 0, true, [v]][b % 7];
    case 'oversizedFrame':
      return { blob: 'X'.repeat(17_000 + (b % 5000)) };
  }
}
