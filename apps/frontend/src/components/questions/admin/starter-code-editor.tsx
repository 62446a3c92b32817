'use client';

import { LANGUAGES, type Language } from '@peerprep/contracts';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { LANGUAGE_LABELS } from '../../../lib/questions/labels';
import { FormSection, type FormPartProps } from './form-section';

/** One code box per supported language; a tab whose code has a problem says so. */
export function StarterCodeEditor({ value, onChange, errors, clearError }: FormPartProps<Record<Language, string>>) {
  const [language, setLanguage] = useState<Language>('javascript');
  const error = errors[`starterCode.${language}`];
  return (
    <FormSection title="Starter code" description="What each language's editor starts with: the entry point's signature and an empty body.">
      <Tabs value={language} onChange={(_event, next: Language) => setLanguage(next)} variant="scrollable" scrollButtons="auto" aria-label="Starter code language">
        {LANGUAGES.map((lang) => (
          <Tab
            key={lang}
            value={lang}
            label={errors[`starterCode.${lang}`] ? `${LANGUAGE_LABELS[lang]} ⚠` : LANGUAGE_LABELS[lang]}
            id={`starter-edit-tab-${lang}`}
            aria-controls="starter-edit-panel"
          />
        ))}
      </Tabs>
      <div role="tabpanel" id="starter-edit-panel" aria-labelledby={`starter-edit-tab-${language}`}>
        <TextField
          label={`${LANGUAGE_LABELS[language]} starter code`}
          value={value[language]}
          onChange={(event) => {
            onChange({ ...value, [language]: event.target.value });
            clearError(`starterCode.${language}`);
          }}
          error={Boolean(error)}
          helperText={error}
          multiline
          minRows={8}
          fullWidth
          slotProps={{ htmlInput: { className: 'font-mono text-sm', spellCheck: false } }}
        />
      </div>
    </FormSection>
  );
}
