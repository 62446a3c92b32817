import { findUnstorableValue, MAX_JSON_DEPTH } from './unstorable';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

describe('findUnstorableValue', () => {
  it('passes ordinary JSON, however wide', () => {
    expect(findUnstorableValue({ title: 'Two sum', args: [[1, 2], [3]], meta: { a: null, b: true } }, 'body')).toBeUndefined();
    expect(findUnstorableValue(Array.from({ length: 10_000 }, (_, i) => ({ i })), 'body')).toBeUndefined();
    expect(findUnstorableValue(nested(MAX_JSON_DEPTH), 'body')).toBeUndefined();
  });

  it('names the string holding a NUL character, at any depth', () => {
    expect(findUnstorableValue({ examples: [{ input: 'a\u0000b' }] }, 'body')).toEqual({
      field: 'examples.0.input',
      location: 'body',
      message: 'Must not contain the NUL character (U+0000)',
    });
    expect(findUnstorableValue({ q: '\u0000' }, 'query')).toMatchObject({ field: 'q', location: 'query' });
    expect(findUnstorableValue('\u0000', 'body')).toMatchObject({ field: '(root)' });
  });

  it('names a key holding a NUL character, escaped so the answer stays printable', () => {
    expect(findUnstorableValue({ customInput: [{ 'k\u0000': 1 }] }, 'body')).toMatchObject({ field: 'customInput.0.k\\u0000' });
  });

  it('names where nesting goes past the limit, without overflowing its own stack', () => {
    const hostile = { customInput: nested(100_000) };
    const found = findUnstorableValue(hostile, 'body');
    expect(found?.message).toBe(`Nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(found?.field.startsWith('customInput.0.0')).toBe(true);
    expect(found?.field.split('.')).toHaveLength(MAX_JSON_DEPTH);
  });
});
