import type { EntryPoint, StarterCode, ValueType } from '@peerprep/contracts';

/**
 * Starter code is derived from the entry point rather than written by hand for
 * each question, so the five signatures can never drift from the types the
 * harness passes in.
 */
type Scalar = 'int' | 'long' | 'double' | 'bool' | 'string';

interface TypeNames {
  scalar: Record<Scalar, string>;
  array: (item: string) => string;
}

const TS: TypeNames = {
  scalar: { int: 'number', long: 'number', double: 'number', bool: 'boolean', string: 'string' },
  array: (item) => `${item}[]`,
};
const PYTHON: TypeNames = {
  scalar: { int: 'int', long: 'int', double: 'float', bool: 'bool', string: 'str' },
  array: (item) => `list[${item}]`,
};
const JAVA: TypeNames = {
  scalar: { int: 'int', long: 'long', double: 'double', bool: 'boolean', string: 'String' },
  array: (item) => `${item}[]`,
};
const CPP: TypeNames = {
  scalar: { int: 'int', long: 'long long', double: 'double', bool: 'bool', string: 'string' },
  array: (item) => `vector<${item}>`,
};

function typeName(type: ValueType, names: TypeNames): string {
  if (type.endsWith('[]')) return names.array(typeName(type.slice(0, -2) as ValueType, names));
  return names.scalar[type as Scalar];
}

function javascript({ functionName, params, returnType }: EntryPoint): string {
  const docs = params.map((param) => ` * @param {${typeName(param.type, TS)}} ${param.name}`);
  return [
    '/**',
    ...docs,
    ` * @return {${typeName(returnType, TS)}}`,
    ' */',
    `function ${functionName}(${params.map((param) => param.name).join(', ')}) {`,
    '  // Write your solution here.',
    '}',
    '',
  ].join('\n');
}

function typescript({ functionName, params, returnType }: EntryPoint): string {
  const list = params.map((param) => `${param.name}: ${typeName(param.type, TS)}`).join(', ');
  return [
    `function ${functionName}(${list}): ${typeName(returnType, TS)} {`,
    '  // Write your solution here.',
    '}',
    '',
  ].join('\n');
}

function python({ functionName, params, returnType }: EntryPoint): string {
  const list = params.map((param) => `${param.name}: ${typeName(param.type, PYTHON)}`).join(', ');
  return [
    `def ${functionName}(${list}) -> ${typeName(returnType, PYTHON)}:`,
    '    # Write your solution here.',
    '    pass',
    '',
  ].join('\n');
}

function java({ functionName, params, returnType }: EntryPoint): string {
  const list = params.map((param) => `${typeName(param.type, JAVA)} ${param.name}`).join(', ');
  return [
    'class Solution {',
    `    public ${typeName(returnType, JAVA)} ${functionName}(${list}) {`,
    '        // Write your solution here.',
    '    }',
    '}',
    '',
  ].join('\n');
}

function cpp({ functionName, params, returnType }: EntryPoint): string {
  const list = params.map((param) => `${typeName(param.type, CPP)} ${param.name}`).join(', ');
  return [
    '#include <string>',
    '#include <vector>',
    'using namespace std;',
    '',
    'class Solution {',
    'public:',
    `    ${typeName(returnType, CPP)} ${functionName}(${list}) {`,
    '        // Write your solution here.',
    '    }',
    '};',
    '',
  ].join('\n');
}

export function starterCodeFor(entryPoint: EntryPoint): StarterCode {
  return {
    javascript: javascript(entryPoint),
    typescript: typescript(entryPoint),
    python: python(entryPoint),
    java: java(entryPoint),
    cpp: cpp(entryPoint),
  };
}
