'use client';

import { DIFFICULTIES } from '@peerprep/contracts/constants';
import type { Difficulty } from '@peerprep/contracts';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { FieldErrors } from '../../../lib/api-error';
import { DIFFICULTY_LABELS } from '../../../lib/questions/labels';
import { suggestSlug, type QuestionFormValues } from '../../../lib/questions/question-form';
import { FormSection } from './form-section';

type Basics = Pick<QuestionFormValues, 'title' | 'slug' | 'difficulty' | 'topics'>;

export interface BasicsFieldsProps {
  value: Basics;
  onChange(change: Partial<Basics>): void;
  errors: FieldErrors;
  clearError(path: string): void;
  /** Until the admin edits the slug, it follows the title. */
  slugFollowsTitle: boolean;
  onSlugEdited(): void;
  /** Existing topic names, offered while typing (any new name is accepted too). */
  topicSuggestions: readonly string[];
}

export function BasicsFields({ value, onChange, errors, clearError, slugFollowsTitle, onSlugEdited, topicSuggestions }: BasicsFieldsProps) {
  return (
    <FormSection title="Basics">
      <TextField
        label="Title"
        value={value.title}
        onChange={(event) => {
          const title = event.target.value;
          onChange(slugFollowsTitle ? { title, slug: suggestSlug(title) } : { title });
          clearError('title');
          if (slugFollowsTitle) clearError('slug');
        }}
        error={Boolean(errors.title)}
        helperText={errors.title}
        required
        fullWidth
        slotProps={{ htmlInput: { maxLength: 120 } }}
      />
      <div className="flex flex-col gap-4 sm:flex-row">
        <TextField
          label="Slug"
          value={value.slug}
          onChange={(event) => {
            onChange({ slug: event.target.value });
            onSlugEdited();
            clearError('slug');
          }}
          error={Boolean(errors.slug)}
          helperText={errors.slug ?? (slugFollowsTitle ? 'Suggested from the title; the question’s URL.' : 'The question’s URL: /questions/<slug>.')}
          className="flex-1"
          slotProps={{ htmlInput: { className: 'font-mono', spellCheck: false, maxLength: 100 } }}
        />
        <TextField
          select
          label="Difficulty"
          value={value.difficulty}
          onChange={(event) => {
            onChange({ difficulty: event.target.value as Difficulty });
            clearError('difficulty');
          }}
          error={Boolean(errors.difficulty)}
          helperText={errors.difficulty}
          className="sm:w-48"
        >
          {DIFFICULTIES.map((difficulty) => (
            <MenuItem key={difficulty} value={difficulty}>
              {DIFFICULTY_LABELS[difficulty]}
            </MenuItem>
          ))}
        </TextField>
      </div>
      <Autocomplete
        multiple
        freeSolo
        autoSelect
        options={topicSuggestions.filter((name) => !value.topics.includes(name))}
        value={value.topics}
        onChange={(_event, topics) => {
          // Typed names are trimmed; the same name twice is kept once.
          onChange({ topics: [...new Set(topics.map((topic) => topic.trim()).filter(Boolean))] });
          clearError('topics');
        }}
        renderValue={(topics, getItemProps) =>
          topics.map((topic, index) => {
            const { key, ...itemProps } = getItemProps({ index });
            return <Chip key={key} label={topic} size="small" {...itemProps} />;
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            label="Topics"
            placeholder={value.topics.length ? '' : 'Type a topic and press Enter'}
            error={Boolean(errors.topics)}
            helperText={errors.topics ?? 'Pick existing topics or type new ones (1–10).'}
          />
        )}
      />
    </FormSection>
  );
}
