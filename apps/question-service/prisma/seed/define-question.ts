import type { Difficulty, EntryPoint, JsonValue, QuestionInput } from '@peerprep/contracts';
import { starterCodeFor } from './starter-code';

/** A case the student is shown: it becomes both an example and a visible test case. */
export interface WorkedExample {
  args: JsonValue[];
  expected: JsonValue;
  explanation: string;
}

export interface HiddenCase {
  args: JsonValue[];
  expected: JsonValue;
}

export interface QuestionDraft {
  slug: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  statement: string;
  constraints: string[];
  hints: string[];
  entryPoint: EntryPoint;
  examples: WorkedExample[];
  hidden: HiddenCase[];
}

/** `[1, 2]`, `"abc"`: JSON, with a space after commas so examples read like prose. */
export function formatValue(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return JSON.stringify(value);
}

/**
 * Builds the admin create body. Examples are rendered from the very cases the
 * harness runs, so a shown example can never disagree with its test.
 */
export function defineQuestion(draft: QuestionDraft): QuestionInput {
  const { entryPoint, examples, hidden, ...rest } = draft;
  return {
    ...rest,
    entryPoint,
    starterCode: starterCodeFor(entryPoint),
    examples: examples.map((example) => ({
      input: entryPoint.params.map((param, index) => `${param.name} = ${formatValue(example.args[index])}`).join(', '),
      output: formatValue(example.expected),
      explanation: example.explanation,
    })),
    testCases: [
      ...examples.map((example) => ({ args: example.args, expected: example.expected, hidden: false })),
      ...hidden.map((testCase) => ({ args: testCase.args, expected: testCase.expected, hidden: true })),
    ],
  };
}
