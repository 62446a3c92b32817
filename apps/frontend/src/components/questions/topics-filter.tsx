'use client';

import Chip from '@mui/material/Chip';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { TextInput } from '../forms/text-input';
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
  const chips = selected.slice(0, VISIBLE_CHIPS).map((topic) => (
    <Chip
      key={topic.slug}
      label={topic.name}
      size="small"
      className="m-0.5"
      // Removing a topic needs no combobox: the chip does it in place.
      onPointerDown={(event) => event.stopPropagation()}
      onDelete={() => onChange(selected.filter((other) => other.slug !== topic.slug).map((other) => other.slug))}
    />
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
      className="flex-1 [&_.MuiInputBase-input]:w-0 [&_.MuiInputBase-input]:min-w-[30px] [&_.MuiInputBase-input]:grow [&_.MuiInputBase-input]:py-[2.5px] [&_.MuiInputBase-input]:pl-2 [&_.MuiInputBase-input]:pr-1 [&_.MuiInputBase-root]:flex-wrap [&_.MuiInputBase-root]:p-1.5"
      endAdornment={<ArrowDropDown className="pointer-events-none mr-1.5 text-muted" />}
      inputProps={{ role: 'combobox', 'aria-expanded': false, 'aria-haspopup': 'listbox', 'aria-autocomplete': 'list' }}
    />
  );
}
