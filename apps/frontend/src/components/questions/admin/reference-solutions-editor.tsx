'use client';

import type { JsonValue, Language } from '@peerprep/contracts';
import { Button } from '../../ui/button';
import CircularProgress from '@mui/material/CircularProgress';
import { Text } from '../../ui/type';
import { LANGUAGE_LABELS } from '../../../lib/questions/labels';
import { summarizeReferenceRun } from '../../../lib/questions/reference-run';
import { CodeByLanguageEditor } from './code-by-language-editor';
import type { FormPartProps } from './form-section';
import { useReferenceRun, type ReferenceRunState } from './use-reference-run';

const TONE_TEXT = { pending: 'text-muted', success: 'text-success', error: 'text-error' } as const;

function json(value: JsonValue | undefined): string {
  return value === undefined ? '—' : JSON.stringify(value);
}

/** The last run's verdict in one line, and its first failing test (values only for a visible one). */
function ReferenceRunSummary({ state }: { state: ReferenceRunState }) {
  const label = LANGUAGE_LABELS[state.language];
  if (state.error) {
    return (
      <Text as="p" variant="body2" className="text-error">
        {label}: {state.error}
      </Text>
    );
  }
  if (!state.run) {
    return (
      <Text as="p" variant="body2" className="flex items-center gap-2 text-muted">
        <CircularProgress size={14} aria-hidden /> {label}: starting…
      </Text>
    );
  }
  const { tone, summary, failure, compileOutput } = summarizeReferenceRun(state.run);
  return (
    <div className="flex flex-col gap-1">
      <Text as="p" variant="body2" className={`flex items-center gap-2 font-semibold ${TONE_TEXT[tone]}`}>
        {tone === 'pending' ? <CircularProgress size={14} aria-hidden /> : null}
        {label}: {summary}
      </Text>
      {failure ? (
        <Text as="p" variant="body2" className="font-mono text-sm">
          {failure.hidden
            ? `Test ${failure.test} is hidden: only its verdict is shown.`
            : `Test ${failure.test}: expected ${json(failure.expected)}, got ${json(failure.actual)}`}
        </Text>
      ) : null}
      {compileOutput ? (
        <pre className="max-h-48 overflow-auto whitespace-pre-wrap rounded-lg bg-black/5 p-2 font-mono text-xs dark:bg-white/10">{compileOutput}</pre>
      ) : null}
    </div>
  );
}

/**
 * The question's reference solutions, per language, saved with the question.
 * Once the question is saved, each language's solution can be run against
 * every test of the saved question (hidden ones included) as the admin's own
 * Submit; the verdict shows below.
 */
export function ReferenceSolutionsEditor({ questionId, ...props }: FormPartProps<Record<Language, string>> & { questionId?: string }) {
  const { state, busy, start } = useReferenceRun(questionId);
  return (
    <CodeByLanguageEditor
      {...props}
      field="referenceSolutions"
      idPrefix="reference-edit"
      title="Reference solutions"
      description="A correct solution per language, written against the starter code's signature. Only admins see them; leave a language blank to have none."
      codeLabel="reference solution"
      markFilled
      renderActions={(language) => (
        <div className="flex flex-col gap-2" aria-live="polite">
          <div className="flex flex-wrap items-center gap-3">
            <Button
              variant="outlined"
              disabled={!questionId || busy || !props.value[language].trim()}
              onClick={() => void start(language, props.value[language])}
            >
              Run against all tests
            </Button>
            <Text as="span" variant="body2" className="text-muted">
              {questionId
                ? 'Runs this code (saved or not) against every test of the saved question, hidden ones included.'
                : 'Save the question first to run its reference solutions.'}
            </Text>
          </div>
          {state ? <ReferenceRunSummary state={state} /> : null}
        </div>
      )}
    />
  );
}
