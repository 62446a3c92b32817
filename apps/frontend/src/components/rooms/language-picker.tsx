'use client';

import { LANGUAGES, languageSchema, type Language } from '@peerprep/contracts';
import TextField from '@mui/material/TextField';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';

/**
 * The shared language: a native select, so it works the same with a
 * keyboard, a screen reader and a test driver (`selectOption`).
 */
export function LanguagePicker({ value, disabled, onChange }: { value: Language; disabled: boolean; onChange(next: Language): void }) {
  return (
    <TextField
      select
      label="Language"
      size="small"
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const parsed = languageSchema.safeParse(event.target.value);
        if (parsed.success) onChange(parsed.data);
      }}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'language-select' } }}
      className="w-44"
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language}>
          {LANGUAGE_LABELS[language]}
        </option>
      ))}
    </TextField>
  );
}
