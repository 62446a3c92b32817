import { questionInputSchema, type QuestionInput } from '@peerprep/contracts';
import { fieldErrorsFromZod, ValidationError } from '@peerprep/service-kit';
import type { QuestionsService, UpsertOutcome } from '../questions/questions.service';

export type SeedReport = Record<UpsertOutcome, string[]>;

/**
 * Upserts every question by slug through the same service as the admin API
 * (validation, topic handling, events). Every question is validated before
 * anything is written, so a bad bank entry seeds nothing rather than half a
 * bank. Running it again changes nothing and publishes nothing.
 */
export async function seedQuestionBank(
  questions: QuestionsService,
  bank: readonly { question: QuestionInput }[],
): Promise<SeedReport> {
  const parsed = bank.map(({ question }, index) => {
    const result = questionInputSchema.safeParse(question);
    if (!result.success) {
      const fields = fieldErrorsFromZod(result.error, 'body').map((f) => ({ ...f, field: `[${index}].${f.field}` }));
      throw new ValidationError(`Seed question ${question.slug ?? question.title} is invalid`, fields);
    }
    if (!result.data.slug) {
      throw new ValidationError(`Seed question ${question.title} needs a slug`, [
        { field: `[${index}].slug`, message: 'Seed questions are matched by slug' },
      ]);
    }
    return { ...result.data, slug: result.data.slug };
  });
  const slugs = parsed.map((question) => question.slug);
  const repeated = slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
  if (repeated.length > 0) throw new ValidationError(`Seed slugs appear twice: ${repeated.join(', ')}`);

  const report: SeedReport = { created: [], updated: [], unchanged: [] };
  for (const question of parsed) {
    report[await questions.upsertQuestionBySlug(question)].push(question.slug);
  }
  return report;
}
