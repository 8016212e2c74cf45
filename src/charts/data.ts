// Chart data: strings normalised to NFC, and the pipeline's named datasets bound into the compiled Vega spec.
import type { Spec as VgSpec } from 'vega';

/** A deep copy of `value` with every string, keys included, in NFC. */
export function normaliseStrings<T>(value: T): T {
  return normaliseValue(value) as T;
}

function normaliseValue(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normaliseValue(v)]));
  }
  return value;
}

/** Names of the datasets a compiled spec expects from outside: entries with neither values, url nor source. */
export function externalDataNames(spec: VgSpec): string[] {
  return (spec.data ?? []).filter((d) => !('values' in d) && !('url' in d) && !('source' in d)).map((d) => d.name);
}

/** A copy of `spec` whose external datasets carry the supplied rows. */
export function bindData(spec: VgSpec, data: Record<string, readonly object[]>): VgSpec {
  const external = new Set(externalDataNames(spec));
  return {
    ...spec,
    data: (spec.data ?? []).map((d) => {
      const rows = external.has(d.name) ? data[d.name] : undefined;
      return rows === undefined ? d : { ...d, values: normaliseStrings(rows) as object[] };
    }),
  };
}
