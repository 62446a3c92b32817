'use client';

import { questionSchema, type Question } from '@peerprep/contracts';
import Button from '@mui/material/Button';
import { Surface } from '../../ui/surface';
import { Text } from '../../ui/type';
import { IntentLink } from '../../intent-link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../lib/api-error';
import { questionHref } from '../../../lib/questions/filters';
import { countErrorsUnder, describeSaveFailure, questionFormFields } from '../../../lib/questions/field-errors';
import { checkQuestionForm, emptyQuestionForm, questionToForm, type QuestionFormValues } from '../../../lib/questions/question-form';
import { useAuth } from '../../auth/auth-provider';
import { FormAlert } from '../../forms/form-alert';
import { useTopics } from '../use-questions';
import { BasicsFields } from './basics-fields';
import { EntryPointEditor } from './entry-point-editor';
import { ExamplesEditor } from './examples-editor';
import { ReferenceSolutionsEditor } from './reference-solutions-editor';
import { RubricEditor } from './rubric-editor';
import { StarterCodeEditor } from './starter-code-editor';
import { StatementEditor } from './statement-editor';
import { StringListEditor } from './string-list-editor';
import { TestCasesEditor } from './test-cases-editor';

interface Failure {
  fieldErrors: FieldErrors;
  message: string | null;
}

const NO_FAILURE: Failure = { fieldErrors: {}, message: null };

/**
 * Create (no `question`) or edit (PUT replaces the whole question, so the
 * question must have been loaded as an admin, with its hidden test cases and
 * its interviewer material: hints, reference solutions, rubric).
 * Checked with the contract schema before sending; the server's field
 * errors land beside the same fields.
 */
export function QuestionForm({ question }: { question?: Question }) {
  const { request } = useAuth();
  const router = useRouter();
  const topics = useTopics();
  const [values, setValues] = useState<QuestionFormValues>(() => (question ? questionToForm(question) : emptyQuestionForm()));
  const [slugFollowsTitle, setSlugFollowsTitle] = useState(!question);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [pending, setPending] = useState(false);
  // Bumped on every failed submit, so the first marked field is focused even when the same fields fail again.
  const [attempt, setAttempt] = useState(0);
  const fields = questionFormFields(values);
  const errors = failure.fieldErrors;
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    if (attempt === 0) return;
    const first = document.querySelector<HTMLElement>('form[aria-label="Question"] [aria-invalid="true"], form[aria-label="Question"] [data-field-error="true"]');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (first?.matches('input, textarea')) first.focus({ preventScroll: true });
  }, [attempt]);

  function set<K extends keyof QuestionFormValues>(key: K) {
    return (next: QuestionFormValues[K]) => setValues((current) => ({ ...current, [key]: next }));
  }

  function clearError(path: string) {
    setFailure((current) => {
      if (!(path in current.fieldErrors)) return current;
      const { [path]: _cleared, ...rest } = current.fieldErrors;
      return { ...current, fieldErrors: rest };
    });
  }

  /**
   * A row was added, removed or moved (an edit replaces one row, a move two):
   * indices changed, so messages about that list no longer point at the right row.
   */
  function setList<K extends 'examples' | 'constraints' | 'hints' | 'testCases' | 'rubric'>(key: K) {
    return (next: QuestionFormValues[K]) => {
      const current: readonly unknown[] = values[key];
      const replacedRows = next.filter((row, index) => row !== current[index]).length;
      if (next.length !== current.length || replacedRows > 1) {
        setFailure((current) => ({
          ...current,
          fieldErrors: Object.fromEntries(Object.entries(current.fieldErrors).filter(([path]) => path !== key && !path.startsWith(`${key}.`))),
        }));
      }
      set(key)(next);
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkQuestionForm(values, fields);
    if (!check.input) {
      setFailure({ fieldErrors: check.fieldErrors, message: check.message });
      setAttempt((count) => count + 1);
      return;
    }
    setPending(true);
    setFailure(NO_FAILURE);
    try {
      const saved = await request(question ? `/questions/${encodeURIComponent(question.id)}` : '/questions', {
        method: question ? 'PUT' : 'POST',
        body: check.input,
        schema: questionSchema,
      });
      router.push(questionHref(saved.slug));
    } catch (error) {
      setFailure(describeSaveFailure(error, fields));
      setAttempt((count) => count + 1);
      setPending(false);
    }
  }

  return (
    <form noValidate aria-label="Question" onSubmit={onSubmit} className="flex flex-col gap-6">
      <FormAlert message={failure.message} />
      <BasicsFields
        value={values}
        onChange={(change) => setValues((current) => ({ ...current, ...change }))}
        errors={errors}
        clearError={clearError}
        slugFollowsTitle={slugFollowsTitle}
        onSlugEdited={() => setSlugFollowsTitle(false)}
        topicSuggestions={topics.data?.items.map((topic) => topic.name) ?? []}
      />
      <StatementEditor value={values.statement} onChange={set('statement')} errors={errors} clearError={clearError} />
      <ExamplesEditor value={values.examples} onChange={setList('examples')} errors={errors} clearError={clearError} />
      <div className="grid gap-6 lg:grid-cols-2">
        <StringListEditor
          value={values.constraints}
          onChange={setList('constraints')}
          errors={errors}
          clearError={clearError}
          path="constraints"
          title="Constraints"
          itemLabel="Constraint"
          description="Limits on the input, one per line (Markdown)."
          max={20}
        />
        <StringListEditor
          value={values.hints}
          onChange={setList('hints')}
          errors={errors}
          clearError={clearError}
          path="hints"
          title="Hints"
          itemLabel="Hint"
          description="For the interviewer of a mock interview, who releases them one by one in this order; not shown on the question page (Markdown)."
          max={10}
          multiline
        />
      </div>
      <EntryPointEditor value={values.entryPoint} onChange={set('entryPoint')} errors={errors} clearError={clearError} />
      <StarterCodeEditor value={values.starterCode} onChange={set('starterCode')} errors={errors} clearError={clearError} />
      <TestCasesEditor value={values.testCases} onChange={setList('testCases')} errors={errors} clearError={clearError} />
      <ReferenceSolutionsEditor
        value={values.referenceSolutions}
        onChange={set('referenceSolutions')}
        errors={errors}
        clearError={clearError}
        questionId={question?.id}
      />
      <RubricEditor value={values.rubric} onChange={setList('rubric')} errors={errors} clearError={clearError} />

      <Surface className="sticky bottom-3 z-10 flex flex-wrap items-center justify-end gap-3 rounded-2xl p-3 shadow-lg">
        {errorCount > 0 ? (
          <Text as="p" className="mr-auto text-sm text-error" role="status">
            {errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} attention
            {countErrorsUnder(errors, 'testCases') > 0 ? ' (some in the test cases)' : ''}.
          </Text>
        ) : null}
        <Button component={IntentLink} href="/admin/questions" disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" disabled={pending}>
          {pending ? 'Saving…' : question ? 'Save changes' : 'Create question'}
        </Button>
      </Surface>
    </form>
  );
}
