'use client';

import type { Difficulty, TopicWithCounts } from '@peerprep/contracts';
import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import { useState } from 'react';
import { MuiTextInput } from '../forms/mui-text-input';
import { MuiScope } from '../mui/mui-scope';

export interface TopicsFilterProps {
  /** The topics in the URL, in order; one not loaded (yet) is shown by its slug. */
  selected: readonly TopicWithCounts[];
  options: readonly TopicWithCounts[];
  loading: boolean;
  /** The difficulty filter, whose count each option shows. */
  difficulty: Difficulty | undefined;
  onChange(slugs: string[]): void;
}

export interface TopicsAutocompleteProps extends TopicsFilterProps {
  /** Take the focus and open the list at once (the student pressed the stand-in field). */
  openAtOnce: boolean;
}

/** Questions of `topic` the current difficulty filter would show. */
function topicCount(topic: TopicWithCounts, difficulty: Difficulty | undefined): number {
  return difficulty ? topic.counts[difficulty] : topic.total;
}

/** The topics filter proper: a multiple-choice combobox with a count per topic. Loaded when first used. */
export function TopicsAutocomplete({ selected, options, loading, difficulty, onChange, openAtOnce }: TopicsAutocompleteProps) {
  const [open, setOpen] = useState(openAtOnce);
  return (
    <MuiScope>
      <Autocomplete
        multiple
        disableCloseOnSelect
        open={open}
        onOpen={() => setOpen(true)}
        onClose={() => setOpen(false)}
        loading={loading}
        options={options}
        value={[...selected]}
        isOptionEqualToValue={(option, value) => option.slug === value.slug}
        getOptionLabel={(topic) => topic.name}
        onChange={(_event, value) => onChange(value.map((topic) => topic.slug))}
        renderOption={({ key, ...props }, topic, { selected: checked }) => (
          <li key={key} {...props}>
            <Checkbox size="small" checked={checked} className="mr-1 p-1" />
            <span className="flex-1">{topic.name}</span>
            <span className="ml-3 text-sm tabular-nums text-muted">{topicCount(topic, difficulty)}</span>
          </li>
        )}
        renderInput={({ id, disabled, fullWidth, size, slotProps }) => (
          <MuiTextInput
            id={id}
            label="Topics"
            placeholder={selected.length ? '' : 'Any topic'}
            disabled={disabled}
            fullWidth={fullWidth}
            size={size}
            autoFocus={openAtOnce}
            {...slotProps.input}
            inputProps={slotProps.htmlInput}
          />
        )}
        fullWidth
        className="flex-1"
        limitTags={3}
        size="small"
      />
    </MuiScope>
  );
}
