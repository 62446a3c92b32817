'use client';

import { DIFFICULTIES, QUESTION_SORTS } from '@peerprep/contracts/constants';
import type { Difficulty, QuestionSort, TopicWithCounts } from '@peerprep/contracts';
import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Search from '@mui/icons-material/Search';
import type { QuestionFilters } from '../../lib/questions/filters';
import { DIFFICULTY_LABELS, SORT_LABELS } from '../../lib/questions/labels';

export interface QuestionFilterBarProps {
  filters: QuestionFilters;
  /** What the search box shows now (the URL catches up after a pause in typing). */
  searchText: string;
  onSearchTextChange(text: string): void;
  onChange(change: Partial<QuestionFilters>): void;
  topics: readonly TopicWithCounts[];
  topicsLoading: boolean;
}

/** Questions of `topic` the current difficulty filter would show. */
function topicCount(topic: TopicWithCounts, difficulty: Difficulty | undefined): number {
  return difficulty ? topic.counts[difficulty] : topic.total;
}

export function QuestionFilterBar({ filters, searchText, onSearchTextChange, onChange, topics, topicsLoading }: QuestionFilterBarProps) {
  const selectedTopics = filters.topics.map(
    // A topic in the URL may not be loaded yet (or have no questions left): keep it selectable.
    (slug) => topics.find((topic) => topic.slug === slug) ?? { slug, name: slug, counts: { EASY: 0, MEDIUM: 0, HARD: 0 }, total: 0 },
  );
  const sortOptions = QUESTION_SORTS.filter((sort) => sort !== 'relevance' || searchText.trim() || filters.q);

  return (
    <div className="flex flex-col gap-4" role="search" aria-label="Filter questions">
      <div className="flex flex-col gap-3 sm:flex-row">
        <TextField
          type="search"
          label="Search questions"
          placeholder="Words in the title or statement"
          value={searchText}
          onChange={(event) => onSearchTextChange(event.target.value)}
          className="flex-1"
          slotProps={{
            htmlInput: { maxLength: 200 },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <Search fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <TextField
          select
          label="Sort by"
          value={filters.sort ?? ''}
          onChange={(event) => onChange({ sort: (event.target.value || undefined) as QuestionSort | undefined })}
          className="sm:w-60"
          // The default order is an option of its own (value ''), so it is shown, not left blank.
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">{filters.q ? 'Best match' : 'Newest first'} (default)</MenuItem>
          {sortOptions.map((sort) => (
            <MenuItem key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </MenuItem>
          ))}
        </TextField>
      </div>
      <div className="flex flex-col gap-3 md:flex-row md:items-center">
        <div role="group" aria-label="Difficulty" className="flex flex-wrap gap-2">
          <Chip
            label="All"
            clickable
            color={filters.difficulty ? 'default' : 'primary'}
            variant={filters.difficulty ? 'outlined' : 'filled'}
            aria-pressed={!filters.difficulty}
            onClick={() => onChange({ difficulty: undefined })}
          />
          {DIFFICULTIES.map((difficulty) => {
            const selected = filters.difficulty === difficulty;
            return (
              <Chip
                key={difficulty}
                label={DIFFICULTY_LABELS[difficulty]}
                clickable
                color={selected ? 'primary' : 'default'}
                variant={selected ? 'filled' : 'outlined'}
                aria-pressed={selected}
                onClick={() => onChange({ difficulty: selected ? undefined : difficulty })}
              />
            );
          })}
        </div>
        <Autocomplete
          multiple
          disableCloseOnSelect
          loading={topicsLoading}
          options={topics}
          value={selectedTopics}
          isOptionEqualToValue={(option, value) => option.slug === value.slug}
          getOptionLabel={(topic) => topic.name}
          onChange={(_event, value) => onChange({ topics: value.map((topic) => topic.slug) })}
          renderOption={({ key, ...props }, topic, { selected }) => (
            <li key={key} {...props}>
              <Checkbox size="small" checked={selected} className="mr-1 p-1" />
              <span className="flex-1">{topic.name}</span>
              <span className="ml-3 text-sm tabular-nums text-muted">{topicCount(topic, filters.difficulty)}</span>
            </li>
          )}
          renderInput={(params) => <TextField {...params} label="Topics" placeholder={filters.topics.length ? '' : 'Any topic'} />}
          className="flex-1"
          limitTags={3}
          size="small"
        />
      </div>
    </div>
  );
}
