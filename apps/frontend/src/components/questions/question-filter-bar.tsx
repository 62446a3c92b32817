'use client';

import { DIFFICULTIES, QUESTION_SORTS } from '@peerprep/contracts/constants';
import type { QuestionSort, TopicWithCounts } from '@peerprep/contracts';
import { SelectField } from '../forms/select-field';
import { FieldAdornment, TextInput } from '../forms/text-input';
import { StaticIcon } from '../ui/static-icon';
import type { QuestionFilters } from '../../lib/questions/filters';
import { DIFFICULTY_LABELS, SORT_LABELS } from '../../lib/questions/labels';
import { ToggleTag } from '../ui/toggle-tag';
import { TopicsFilter } from './topics-filter';

export interface QuestionFilterBarProps {
  filters: QuestionFilters;
  /** What the search box shows now (the URL catches up after a pause in typing). */
  searchText: string;
  onSearchTextChange(text: string): void;
  onChange(change: Partial<QuestionFilters>): void;
  topics: readonly TopicWithCounts[];
  topicsLoading: boolean;
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
        <TextInput
          type="search"
          label="Search questions"
          placeholder="Words in the title or statement"
          value={searchText}
          onChange={(event) => onSearchTextChange(event.target.value)}
          className="flex-1"
          inputProps={{ maxLength: 200 }}
          startAdornment={
            <FieldAdornment position="start">
              <StaticIcon name="search" size="small" />
            </FieldAdornment>
          }
        />
        <SelectField<'' | QuestionSort>
          label="Sort by"
          value={filters.sort ?? ''}
          // The default order is an option of its own (value ''), so it is shown, not left blank.
          options={[
            { value: '', label: `${filters.q ? 'Best match' : 'Newest first'} (default)` },
            ...sortOptions.map((sort) => ({ value: sort, label: SORT_LABELS[sort] })),
          ]}
          onChange={(sort) => onChange({ sort: sort || undefined })}
          className="sm:w-60"
        />
      </div>
      <div className="flex flex-col gap-3 md:flex-row md:items-center">
        <div role="group" aria-label="Difficulty" className="flex flex-wrap gap-2">
          <ToggleTag pressed={!filters.difficulty} onToggle={() => onChange({ difficulty: undefined })}>
            All
          </ToggleTag>
          {DIFFICULTIES.map((difficulty) => {
            const selected = filters.difficulty === difficulty;
            return (
              <ToggleTag key={difficulty} pressed={selected} onToggle={() => onChange({ difficulty: selected ? undefined : difficulty })}>
                {DIFFICULTY_LABELS[difficulty]}
              </ToggleTag>
            );
          })}
        </div>
        <TopicsFilter
          selected={selectedTopics}
          options={topics}
          loading={topicsLoading}
          difficulty={filters.difficulty}
          onChange={(slugs) => onChange({ topics: slugs })}
        />
      </div>
    </div>
  );
}
