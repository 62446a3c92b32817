import { argumentIssues, type EntryPoint, type JsonValue, type ValueType } from '@peerprep/contracts';
import type { FieldErrors } from '../api-error';

/**
 * A Run's custom input (at most `customInputSchema`'s 10 values, as many as
 * an entry point has parameters): one JSON value per parameter of the entry point,
 * typed by the student in one box each. The field names are the server's
 * (`customInput.<index>`, `customInput` for the whole), so a 400 from the
 * server lands on the same box as a check made here.
 */

export const CUSTOM_INPUT_FIELD = 'customInput';
export const customInputField = (index: number) => `${CUSTOM_INPUT_FIELD}.${index}`;

export interface CustomInputParam {
  field: string;
  name: string;
  type: ValueType;
  /** "nums (int[])": the box's label. */
  label: string;
  placeholder: string;
}

const SCALAR_EXAMPLES: Readonly<Record<string, string>> = {
  int: '42',
  long: '9000000000',
  double: '2.5',
  bool: 'true',
  string: '"text"',
};

/** A value of `type` as the student would type it: `[1, 2, 3]` for `int[]`. */
export function exampleFor(type: ValueType): string {
  if (type.endsWith('[][]')) {
    const item = SCALAR_EXAMPLES[type.slice(0, -4)];
    return `[[${item}, ${item}], [${item}]]`;
  }
  if (type.endsWith('[]')) {
    const item = SCALAR_EXAMPLES[type.slice(0, -2)];
    return `[${item}, ${item}]`;
  }
  return SCALAR_EXAMPLES[type] ?? '';
}

export function customInputParams(entryPoint: Pick<EntryPoint, 'params'>): CustomInputParam[] {
  return entryPoint.params.map((param, index) => ({
    field: customInputField(index),
    name: param.name,
    type: param.type,
    label: `${param.name} (${param.type})`,
    placeholder: exampleFor(param.type),
  }));
}

/** Every field a custom-input form can show an error beside (for `describeFailure`). */
export function customInputFields(entryPoint: Pick<EntryPoint, 'params'>): string[] {
  return [CUSTOM_INPUT_FIELD, ...entryPoint.params.map((_param, index) => customInputField(index))];
}

/** The boxes' first text: a test's arguments when one is known (the question's first visible test), else empty. */
export function initialCustomInput(entryPoint: Pick<EntryPoint, 'params'>, args?: readonly JsonValue[]): string[] {
  return entryPoint.params.map((_param, index) => (args && index < args.length ? JSON.stringify(args[index]) : ''));
}

export type ParsedCustomInput = { ok: true; args: JsonValue[] } | { ok: false; fieldErrors: FieldErrors };

/**
 * Reads the boxes as JSON and checks each value against its parameter's type
 * with the contracts' own rule (`argumentIssues`, as the server does).
 */
export function parseCustomInput(entryPoint: EntryPoint, texts: readonly string[]): ParsedCustomInput {
  const fieldErrors: Record<string, string> = {};
  const args: JsonValue[] = [];
  entryPoint.params.forEach((param, index) => {
    const text = (texts[index] ?? '').trim();
    if (text === '') {
      fieldErrors[customInputField(index)] = `Enter a value for ${param.name}, a ${param.type} (for example ${exampleFor(param.type)}).`;
      return;
    }
    try {
      args.push(JSON.parse(text) as JsonValue);
    } catch {
      fieldErrors[customInputField(index)] = `Not valid JSON. A ${param.type} looks like ${exampleFor(param.type)}${
        param.type.includes('string') ? ' (strings in double quotes)' : ''
      }.`;
    }
  });
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const issues = argumentIssues(entryPoint, args, [CUSTOM_INPUT_FIELD]);
  if (issues.length === 0) return { ok: true, args };
  for (const issue of issues) fieldErrors[issue.path.map(String).join('.')] ??= issue.message;
  return { ok: false, fieldErrors };
}
