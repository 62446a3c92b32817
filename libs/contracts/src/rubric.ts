import { z } from 'zod';
import { RUBRIC_MAX_CRITERIA, SLUG_PATTERN } from './constants';

export { RUBRIC_MAX_CRITERIA } from './constants';

/**
 * What an interviewer judges a candidate on for one question. Feedback rates
 * each criterion 1–4 by its `id`, so an id is a short slug that stays put
 * when the title or description is reworded.
 */
export const rubricCriterionSchema = z.strictObject({
  id: z.string().min(1).max(40).regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens'),
  title: z.string().trim().min(1).max(80),
  /** For the interviewer: what a strong answer shows. */
  description: z.string().trim().max(500),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

/** 1–8 criteria with distinct ids; a repeated id is refused at `<index>.id`. */
export const rubricSchema = z
  .array(rubricCriterionSchema)
  .min(1)
  .max(RUBRIC_MAX_CRITERIA)
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Criterion id "${criterion.id}" is used twice` });
      }
      seen.add(criterion.id);
    });
  });
export type Rubric = z.infer<typeof rubricSchema>;

/**
 * The rubric of a question that sets none of its own, and what question-service's
 * `rubric` migration gave every question that existed before rubrics (its
 * rubric-migration.int.spec.ts holds the two together).
 */
export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [
  {
    id: 'problem-solving',
    title: 'Problem solving',
    description:
      'Clarifies the problem and its edge cases before coding, weighs more than one approach, and reaches a correct ' +
      'solution whose time and space complexity they can state and justify.',
  },
  {
    id: 'code-quality',
    title: 'Code quality',
    description:
      'Writes code another engineer could maintain: clear names, small focused steps, no needless duplication, ' +
      'idiomatic use of the chosen language.',
  },
  {
    id: 'communication',
    title: 'Communication',
    description:
      'Thinks aloud, explains decisions and trade-offs as they make them, asks when unsure, and takes a hint ' +
      'without losing the thread.',
  },
  {
    id: 'testing',
    title: 'Testing',
    description:
      'Checks the solution against the examples and against edge cases they pick themselves (empty input, ' +
      'duplicates, extremes), and finds and fixes their own bugs.',
  },
];
