'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import { TextInput } from '../forms/text-input';
import { StaticIcon } from '../ui/static-icon';
import type { TopicsAutocompleteProps, TopicsFilterProps } from './topics-autocomplete';

export type { TopicsFilterProps } from './topics-autocomplete';

/** Chips the stand-in shows before "+n", as the combobox does (its `limitTags`). */
const VISIBLE_CHIPS = 3;

let loadAutocomplete: Promise<ComponentType<TopicsAutocompleteProps>> | null = null;
function importAutocomplete() {
  loadAutocomplete ??= import('./topics-autocomplete').then((module) => module.TopicsAutocomplete);
  return loadAutocomplete;
}

/**
 * The topics filter. Its combobox (MUI's Autocomplete, with a popper and
 * its list: about 20 KB compressed) loads only when a student reaches for
 * it: until then a stand-in that looks the same shows the chosen topics,
 * each removable. Hovering starts the download; pressing or focusing the
 * field swaps in the real one, open and focused, as soon as it is there.
 */
export function TopicsFilter(props: TopicsFilterProps) {
  const [Autocomplete, setAutocomplete] = useState<ComponentType<TopicsAutocompleteProps> | null>(null);
  const [pressed, setPressed] = useState(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const load = (press: boolean) => {
    if (press) setPressed(true);
    void importAutocomplete().then((component) => {
      if (mounted.current) setAutocomplete(() => component);
    });
  };

  if (Autocomplete) return <Autocomplete {...props} openAtOnce={pressed} />;

  const { selected, onChange } = props;
  // MUI's small Chip with its delete icon, as the combobox draws the chosen topics; removing one needs no combobox.
  const chips = selected.slice(0, VISIBLE_CHIPS).map((topic) => (
    <span
      key={topic.slug}
      className="m-0.5 inline-flex h-6 max-w-full items-center rounded-full bg-[color:var(--mui-palette-action-selected)] pl-2 text-[0.8125rem] text-foreground"
    >
      <span className="overflow-hidden text-ellipsis whitespace-nowrap">{topic.name}</span>
      <button
        type="button"
        aria-label={`Remove ${topic.name}`}
        className="ml-0.5 mr-[3px] inline-flex cursor-pointer rounded-full border-0 bg-transparent p-0 text-[color:rgba(var(--mui-palette-text-primaryChannel)/0.26)] hover:text-[color:rgba(var(--mui-palette-text-primaryChannel)/0.4)] focus-visible:outline-2 focus-visible:outline-primary"
        onPointerDown={(event) => event.stopPropagation()}
        onClick={() => onChange(selected.filter((other) => other.slug !== topic.slug).map((other) => other.slug))}
      >
        <StaticIcon name="cancel" size="tiny" />
      </button>
    </span>
  ));
  const hidden = selected.length - chips.length;
  return (
    <TextInput
      label="Topics"
      placeholder={selected.length ? '' : 'Any topic'}
      size="small"
      fullWidth
      readOnly
      onMouseEnter={() => load(false)}
      onPointerDown={() => load(true)}
      onFocus={() => load(true)}
      startAdornment={
        selected.length ? (
          <>
            {chips}
            {hidden > 0 ? <span className="m-0.5 text-sm">+{hidden}</span> : null}
          </>
        ) : undefined
      }
      // The combobox's own small layout (MUI Autocomplete's): chips and the box share wrapping lines, 40 px tall with one.
      className="flex-1 [&_.field-box]:flex-wrap [&_.field-box]:p-1.5 [&_.field-input]:w-0 [&_.field-input]:min-w-[30px] [&_.field-input]:grow [&_.field-input]:py-[2.5px] [&_.field-input]:pl-2 [&_.field-input]:pr-1"
      endAdornment={<StaticIcon name="arrowDropDown" className="pointer-events-none mr-1.5 text-muted" />}
      inputProps={{ role: 'combobox', 'aria-expanded': false, 'aria-haspopup': 'listbox', 'aria-autocomplete': 'list' }}
    />
  );
}
