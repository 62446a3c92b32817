'use client';

import type { Language } from '@peerprep/contracts';
import { LANGUAGES } from '@peerprep/contracts/constants';
import { SelectField } from '../forms/select-field';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';

const LANGUAGE_OPTIONS = LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_LABELS[language] }));

/**
 * The shared language: a native select, so it works the same with a
 * keyboard, a screen reader and a test driver (`selectOption`).
 */
export function LanguagePicker({ value, disabled, onChange }: { value: Language; disabled: boolean; onChange(next: Language): void }) {
  return (
    <SelectField
      label="Language"
      size="small"
      value={value}
      disabled={disabled}
      options={LANGUAGE_OPTIONS}
      onChange={onChange}
      selectProps={{ 'data-testid': 'language-select' }}
      className="w-44"
    />
  );
}
