import type { EntryPoint } from '@peerprep/contracts';
import { customInputFields, customInputParams, exampleFor, initialCustomInput, parseCustomInput } from './custom-input';

const entryPoint: EntryPoint = {
  functionName: 'pairWithTargetSum',
  params: [
    { name: 'prices', type: 'int[]' },
    { name: 'target', type: 'int' },
  ],
  returnType: 'int[]',
};

describe('custom input boxes', () => {
  it('labels one box per parameter with its name and type, under the server\'s field names', () => {
    expect(customInputParams(entryPoint)).toEqual([
      { field: 'customInput.0', name: 'prices', type: 'int[]', label: 'prices (int[])', placeholder: '[42, 42]' },
      { field: 'customInput.1', name: 'target', type: 'int', label: 'target (int)', placeholder: '42' },
    ]);
    expect(customInputFields(entryPoint)).toEqual(['customInput', 'customInput.0', 'customInput.1']);
  });

  it('gives an example of every type', () => {
    expect(exampleFor('string')).toBe('"text"');
    expect(exampleFor('bool[][]')).toBe('[[true, true], [true]]');
    expect(exampleFor('double[]')).toBe('[2.5, 2.5]');
  });

  it('starts from a known test\'s arguments when there is one', () => {
    expect(initialCustomInput(entryPoint, [[4, 9, 3], 12])).toEqual(['[4,9,3]', '12']);
    expect(initialCustomInput(entryPoint)).toEqual(['', '']);
  });
});

describe('parseCustomInput', () => {
  it('reads one JSON value per parameter', () => {
    expect(parseCustomInput(entryPoint, [' [4, 9, 3] ', '12'])).toEqual({ ok: true, args: [[4, 9, 3], 12] });
  });

  it('asks for every empty box and explains JSON that does not parse', () => {
    const parsed = parseCustomInput(entryPoint, ['', '[1,']);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors['customInput.0']).toMatch(/^Enter a value for prices, a int\[\]/);
    expect(parsed.fieldErrors['customInput.1']).toMatch(/^Not valid JSON/);
  });

  it('puts a value of the wrong type beside its own box, as the server would', () => {
    const parsed = parseCustomInput(entryPoint, ['[1, 2.5]', '"9"']);
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { 'customInput.0': 'Argument prices must be a int[]', 'customInput.1': 'Argument target must be a int' },
    });
  });

  it('refuses an int outside 32 bits', () => {
    const parsed = parseCustomInput(entryPoint, ['[1]', String(2 ** 31)]);
    expect(parsed.ok).toBe(false);
  });

  it('reminds that strings need double quotes', () => {
    const words: EntryPoint = { functionName: 'f', params: [{ name: 'word', type: 'string' }], returnType: 'bool' };
    const parsed = parseCustomInput(words, ['hello']);
    expect(parsed.ok ? null : parsed.fieldErrors['customInput.0']).toMatch(/strings in double quotes/);
    expect(parseCustomInput(words, ['"hello"'])).toEqual({ ok: true, args: ['hello'] });
  });
});
