import { LANGUAGES } from '@peerprep/contracts/constants';
import { ApiError, type FieldErrors } from '../api-error';
import { describeFailure, type FormFailure } from '../form-errors';

/** The shape questionFormFields needs: how many rows each list of the form has. */
export interface QuestionFormShape {
  examples: readonly unknown[];
  constraints: readonly unknown[];
  hints: readonly unknown[];
  rubric: readonly unknown[];
  entryPoint: { params: readonly unknown[] };
  testCases: readonly unknown[];
}

function rows(prefix: string, count: number, leaves: readonly string[] = []): string[] {
  return Array.from({ length: count }, (_, index) =>
    leaves.length === 0 ? [`${prefix}.${index}`] : leaves.map((leaf) => `${prefix}.${index}.${leaf}`),
  ).flat();
}

/**
 * Every place the question form can show a message, as the API's field paths
 * (`testCases.0.args`). A list has an anchor of its own too, for what concerns
 * the whole list ("add at least one").
 */
export function questionFormFields(shape: QuestionFormShape): string[] {
  return [
    'title',
    'slug',
    'difficulty',
    'topics',
    'statement',
    'examples',
    ...rows('examples', shape.examples.length, ['input', 'output', 'explanation']),
    'constraints',
    ...rows('constraints', shape.constraints.length),
    'hints',
    ...rows('hints', shape.hints.length),
    'entryPoint.functionName',
    'entryPoint.params',
    ...rows('entryPoint.params', shape.entryPoint.params.length, ['name', 'type']),
    'entryPoint.returnType',
    ...LANGUAGES.map((language) => `starterCode.${language}`),
    'testCases',
    ...rows('testCases', shape.testCases.length, ['args', 'expected', 'hidden']),
    'referenceSolutions',
    ...LANGUAGES.map((language) => `referenceSolutions.${language}`),
    'rubric',
    ...rows('rubric', shape.rubric.length, ['title', 'id', 'description']),
  ];
}

/**
 * The field that shows the message for `path`: the path itself when the form
 * has it, else its nearest ancestor that the form has (`testCases.0.args.1`,
 * one argument of a case, shows beside `testCases.0.args`; `topics.2` beside
 * `topics`). Null when nothing on the form fits.
 */
export function anchorFor(path: string, fields: ReadonlySet<string> | readonly string[]): string | null {
  const known = fields instanceof Set ? fields : new Set(fields as readonly string[]);
  const segments = path.split('.').filter(Boolean);
  for (let length = segments.length; length > 0; length--) {
    const candidate = segments.slice(0, length).join('.');
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Places each error (path → message, from the contract schema or a 400/409
 * problem) beside its field; one message per field, the first wins. What no
 * field can show comes back in `rest`, for the alert above the form.
 */
export function placeFieldErrors(errors: FieldErrors, fields: readonly string[]): { fieldErrors: FieldErrors; rest: string[] } {
  const known = new Set(fields);
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const anchor = anchorFor(path, known);
    if (anchor === null) rest.push(path ? `${path}: ${message}` : message);
    else fieldErrors[anchor] ??= message;
  }
  return { fieldErrors, rest };
}

/** How many messages sit inside a section (`examples`, `testCases`), so a collapsed part can say it has errors. */
export function countErrorsUnder(fieldErrors: FieldErrors, prefix: string): number {
  return Object.keys(fieldErrors).filter((path) => path === prefix || path.startsWith(`${prefix}.`)).length;
}

/**
 * What the question form shows after the server refused a save: each field
 * error (400 `testCases.0.args`, 409 `slug`/`title`) beside its field, the
 * rest and anything else (403, an outage) above the form.
 */
export function describeSaveFailure(error: unknown, fields: readonly string[]): FormFailure {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && Object.keys(error.fieldErrors).length > 0) {
    const { fieldErrors, rest } = placeFieldErrors(error.fieldErrors, fields);
    // A conflict is worth a sentence too: the field messages alone read like typos.
    const lead = error.status === 409 ? [error.detail ?? error.title] : [];
    const message = [...lead, ...rest].join(' ');
    return { fieldErrors, message: message || null };
  }
  if (error instanceof ApiError && error.status === 403) {
    return { fieldErrors: {}, message: 'Only admins can change questions, and your account is not an admin.' };
  }
  return describeFailure(error, { fields: [] });
}
