import { DOUBLE_TOLERANCE, type JsonValue, type ValueType } from '@peerprep/contracts';

/**
 * Whether a solution's result equals the expected value: exactly for ints,
 * longs, bools and strings (and arrays of them, in order); doubles within
 * DOUBLE_TOLERANCE, absolute below 1 and relative above.
 */
export function sameValue(actual: JsonValue | undefined, expected: JsonValue, type: ValueType): boolean {
  if (type.endsWith('[]')) {
    if (!Array.isArray(actual) || !Array.isArray(expected) || actual.length !== expected.length) return false;
    const itemType = type.slice(0, -2) as ValueType;
    return actual.every((item, index) => sameValue(item, expected[index], itemType));
  }
  if (type === 'double') {
    if (typeof actual !== 'number' || typeof expected !== 'number') return false;
    return Math.abs(actual - expected) <= DOUBLE_TOLERANCE * Math.max(1, Math.abs(expected));
  }
  return actual === expected;
}
