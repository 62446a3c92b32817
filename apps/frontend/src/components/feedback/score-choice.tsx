'use client';

import type { RubricCriterion } from '@peerprep/contracts';
import { useId } from 'react';
import { SCORES, scoreLabel } from '../../lib/feedback/feedback-format';

/**
 * One rubric criterion's 1–4 choice: native radios (arrow keys, one tab
 * stop, the form's own reset) in a radiogroup named by the criterion's title
 * and described by its description and any error, each radio named with its
 * word ("3 Good"). Plain elements: a rubric of eight criteria is 32 radios.
 */
export function ScoreChoice({
  criterion,
  value,
  error,
  disabled,
  onChange,
}: {
  criterion: RubricCriterion;
  value: number | undefined;
  error?: string;
  disabled?: boolean;
  onChange(score: number): void;
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <div
      role="radiogroup"
      aria-labelledby={titleId}
      aria-describedby={error ? `${descriptionId} ${errorId}` : descriptionId}
      aria-invalid={error ? true : undefined}
      aria-required="true"
      data-testid="score-choice"
      data-criterion={criterion.id}
      className="flex flex-col gap-2"
    >
      <span id={titleId} className="font-semibold">
        {criterion.title}
      </span>
      <span id={descriptionId} className="text-sm text-muted">
        {criterion.description}
      </span>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {SCORES.map((score) => {
          const checked = value === score;
          return (
            <label
              key={score}
              className={`flex cursor-pointer items-center gap-2 rounded-lg border border-solid px-3 py-2 text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-primary ${
                checked ? 'border-primary bg-primary/10 font-semibold' : 'border-divider'
              } ${disabled ? 'cursor-default opacity-60' : 'hover:border-primary'}`}
            >
              <input
                type="radio"
                name={`score-${criterion.id}`}
                value={score}
                checked={checked}
                disabled={disabled}
                onChange={() => onChange(score)}
                className="m-0 accent-[color:var(--mui-palette-primary-main)]"
              />
              {scoreLabel(score)}
            </label>
          );
        })}
      </div>
      {error ? (
        <span id={errorId} className="text-sm text-[color:var(--mui-palette-error-main)]">
          {error}
        </span>
      ) : null}
    </div>
  );
}
