import type { FieldError, FieldLocation } from '@peerprep/contracts';

/**
 * How deep a request's JSON may nest. Far beyond any real body (a question's
 * test values are at most a few levels deep), far below what exhausts a
 * recursive validator's stack (zod walks a recursive schema such as a JSON
 * value one call per level).
 */
export const MAX_JSON_DEPTH = 64;

const NUL = '\u0000';

/**
 * The first value of a parsed request part that no schema check makes safe:
 * a string or key containing U+0000 (PostgreSQL text and jsonb cannot hold
 * it, so it could only fail later as a 500), or nesting deeper than
 * MAX_JSON_DEPTH. Iterative, so a hostile depth cannot overflow this check
 * either. Undefined when there is none.
 */
export function findUnstorableValue(value: unknown, location: FieldLocation): FieldError | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string[] };
    const field = path.length > 0 ? path.join('.') : '(root)';
    if (typeof current === 'string') {
      if (current.includes(NUL)) return { field, location, message: 'Must not contain the NUL character (U+0000)' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) return { field, location, message: `Nested deeper than ${MAX_JSON_DEPTH} levels` };
    for (const [key, child] of Object.entries(current)) {
      if (key.includes(NUL)) return { field: [...path, key.replaceAll(NUL, '\\u0000')].join('.'), location, message: 'Must not contain the NUL character (U+0000)' };
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
