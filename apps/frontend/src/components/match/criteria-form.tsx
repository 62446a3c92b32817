'use client';

import { DIFFICULTIES, LANGUAGES, MATCH_TOPICS_MAX, SESSION_LENGTHS_MINUTES, SESSION_MODES } from '@peerprep/contracts/constants';
import type { Difficulty, DifficultyCounts, MatchCriteria, SessionLength, SessionMode, TopicWithCounts } from '@peerprep/contracts';
import { Button } from '../ui/button';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FormFailure } from '../../lib/form-errors';
import { formValuesFrom, toggleTopic, toMatchRequest, topicCount, type CriteriaFormValues } from '../../lib/match/criteria-form';
import { fetchDifficultyCounts } from '../../lib/match/match-api';
import { SESSION_MODE_HINTS, SESSION_MODE_LABELS } from '../../lib/match/session-labels';
import { DIFFICULTY_LABELS, LANGUAGE_LABELS } from '../../lib/questions/labels';
import { FormAlert } from '../forms/form-alert';
import { SelectField } from '../forms/select-field';
import { SegmentedControl } from '../ui/segmented-control';
import { ToggleTag } from '../ui/toggle-tag';
import { useApiResource } from '../questions/use-api-resource';

export interface CriteriaFormProps {
  initial: MatchCriteria | null;
  /** Every topic with questions (empty when they could not be loaded: see topicsError). */
  topics: readonly TopicWithCounts[];
  topicsError: string | null;
  /** Questions per difficulty in the whole bank, as the topics' answer gave them (null: the form asks). */
  openingCounts?: DifficultyCounts | null;
  /** The server's answer to the last submit. */
  failure: FormFailure | null;
  submitting: boolean;
  onSubmit(criteria: MatchCriteria): void;
}

function Field({ label, htmlFor, error, hint, children }: { label: string; htmlFor?: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-2 border-0 p-0">
      <Text as="legend" id={htmlFor} className="mb-1 font-semibold">
        {label}
      </Text>
      {children}
      {error ? (
        <p className="helper-text" data-error="true" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="helper-text">{hint}</p>
      ) : null}
    </fieldset>
  );
}

const countsKey = (topics: readonly string[]) => `difficulty-counts:${topics.join(',')}`;

function pluralQuestions(count: number): string {
  return `${count} question${count === 1 ? '' : 's'}`;
}

export function CriteriaForm({ initial, topics, topicsError, openingCounts = null, failure, submitting, onSubmit }: CriteriaFormProps) {
  const [values, setValues] = useState<CriteriaFormValues>(() => formValuesFrom(initial));
  const [localFailure, setLocalFailure] = useState<FormFailure | null>(null);
  const shown = localFailure ?? failure;
  const fieldErrors = shown?.fieldErrors ?? {};
  const counts = useApiResource(
    countsKey(values.topics),
    (signal) => fetchDifficultyCounts(values.topics, signal),
    openingCounts ? { key: countsKey([]), data: openingCounts } : undefined,
  );

  const update = (next: CriteriaFormValues) => {
    setValues(next);
    setLocalFailure(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = await toMatchRequest(values, topics);
    if (checked.failure) setLocalFailure(checked.failure);
    else onSubmit(checked.data);
  };

  const countFor = (difficulty: Difficulty) => counts.data?.[difficulty];
  const scope = values.topics.length > 0 ? 'in your topics' : 'in all topics';

  return (
    <Surface as="form" noValidate onSubmit={submit} aria-label="Match criteria" className="flex flex-col gap-7 rounded-2xl p-6">
      <FormAlert message={shown?.message ?? null} />
      <Field label="Session" htmlFor="mode-label" error={fieldErrors['mode']} hint={SESSION_MODE_HINTS[values.mode]}>
        <SegmentedControl
          value={values.mode}
          onChange={(mode: SessionMode) => update({ ...values, mode })}
          segments={SESSION_MODES.map((mode) => ({ value: mode, label: <span className="text-base font-semibold">{SESSION_MODE_LABELS[mode]}</span> }))}
          className="grid-cols-2"
        />
      </Field>

      {/* Pair practice has no clock: its length is not asked (the default is sent). */}
      {values.mode === 'interview' ? (
        <Field
          label="Length"
          htmlFor="minutes-label"
          error={fieldErrors['minutes']}
          hint="Two rounds of half each. With a partner who picked another length, you get the shorter."
        >
          <SegmentedControl
            value={values.minutes}
            onChange={(minutes: SessionLength) => update({ ...values, minutes })}
            segments={SESSION_LENGTHS_MINUTES.map((minutes) => ({ value: minutes, label: `${minutes} min` }))}
            className="grid-cols-3"
          />
        </Field>
      ) : null}

      <Field label="Difficulty" htmlFor="difficulty-label" error={fieldErrors['difficulty']}>
        <SegmentedControl
          value={values.difficulty}
          onChange={(difficulty: Difficulty) => update({ ...values, difficulty })}
          segments={DIFFICULTIES.map((difficulty) => ({
            value: difficulty,
            label: (
              <span className="flex flex-col items-center gap-0.5">
                <span className="text-base font-semibold">{DIFFICULTY_LABELS[difficulty]}</span>
                <span className="text-xs text-muted" data-testid={`difficulty-count-${difficulty}`}>
                  {countFor(difficulty) === undefined ? '…' : pluralQuestions(countFor(difficulty) ?? 0)}
                </span>
              </span>
            ),
          }))}
          className="grid-cols-3"
        />
        <p className="helper-text">Question counts {scope}.</p>
      </Field>

      <Field
        label={`Topics (up to ${MATCH_TOPICS_MAX})`}
        htmlFor="topics-label"
        error={fieldErrors['topics']}
        hint={values.difficulty ? `Counts are ${DIFFICULTY_LABELS[values.difficulty].toLowerCase()} questions.` : 'Counts are questions at every difficulty.'}
      >
        <div role="group" aria-labelledby="topics-label" className="flex flex-wrap gap-2">
          {topicsError ? (
            <p className="helper-text" data-error="true">
              {topicsError}
            </p>
          ) : null}
          {topics.map((topic) => {
            const selected = values.topics.includes(topic.slug);
            const count = topicCount(topic, values.difficulty);
            return (
              <ToggleTag
                key={topic.slug}
                pressed={selected}
                // A topic with nothing at this difficulty cannot be requested (the server says 400).
                disabled={!selected && count === 0}
                onToggle={() => update(toggleTopic(values, topic.slug))}
              >
                {topic.name} <span className="tabular-nums opacity-70">{count}</span>
              </ToggleTag>
            );
          })}
        </div>
      </Field>

      <div className="grid gap-6 sm:grid-cols-2 sm:items-start">
        <SelectField
          label="Preferred language"
          value={values.language}
          options={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_LABELS[language] }))}
          onChange={(language) => update({ ...values, language })}
          error={Boolean(fieldErrors['language'])}
          helperText={fieldErrors['language'] ?? 'A partner with the same language is preferred.'}
        />
        <div>
          <label className="flex min-h-10 cursor-pointer items-center gap-3">
            <input
              type="checkbox"
              role="switch"
              className="switch"
              checked={values.allowRelaxed}
              onChange={(event) => update({ ...values, allowRelaxed: event.target.checked })}
              aria-describedby="relaxed-help"
            />
            Accept a relaxed match
          </label>
          <p id="relaxed-help" className="helper-text">
            If nobody turns up at your difficulty, pair me on a shared topic at any difficulty.
          </p>
        </div>
      </div>

      <Button type="submit" variant="contained" size="large" disabled={submitting} className="self-start">
        {submitting ? 'Sending…' : 'Find a partner'}
      </Button>
    </Surface>
  );
}
