'use client';

import { LANGUAGES } from '@peerprep/contracts/constants';
import type { Language } from '@peerprep/contracts';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';
import { LANGUAGE_LABELS } from '../../../lib/questions/labels';
import { FormSection, type FormPartProps } from './form-section';

interface CodeByLanguageEditorProps extends FormPartProps<Record<Language, string>> {
  /** The form field (`starterCode`): error paths are `<field>.<language>`, tab ids start with `idPrefix`. */
  field: string;
  idPrefix: string;
  title: string;
  description: ReactNode;
  /** What the code box is called, after the language's name: "starter code". */
  codeLabel: string;
  /** Tab labels say which languages have code (for optional code, such as reference solutions). */
  markFilled?: boolean;
  /** Below the code box of the language shown (a Run button). */
  renderActions?(language: Language): ReactNode;
}

/** One code box per supported language behind tabs; a tab whose code has a problem says so. */
export function CodeByLanguageEditor({
  value,
  onChange,
  errors,
  clearError,
  field,
  idPrefix,
  title,
  description,
  codeLabel,
  markFilled = false,
  renderActions,
}: CodeByLanguageEditorProps) {
  const [language, setLanguage] = useState<Language>('javascript');
  const error = errors[`${field}.${language}`];
  const tabLabel = (lang: Language) => {
    if (errors[`${field}.${lang}`]) return `${LANGUAGE_LABELS[lang]} ⚠`;
    return markFilled && value[lang].trim() ? `${LANGUAGE_LABELS[lang]} ✓` : LANGUAGE_LABELS[lang];
  };
  return (
    <FormSection title={title} description={description} error={errors[field]}>
      <Tabs value={language} onChange={(_event, next: Language) => setLanguage(next)} variant="scrollable" scrollButtons="auto" aria-label={`${title} language`}>
        {LANGUAGES.map((lang) => (
          <Tab key={lang} value={lang} label={tabLabel(lang)} id={`${idPrefix}-tab-${lang}`} aria-controls={`${idPrefix}-panel`} />
        ))}
      </Tabs>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${language}`} className="flex flex-col gap-3">
        <TextField
          label={`${LANGUAGE_LABELS[language]} ${codeLabel}`}
          value={value[language]}
          onChange={(event) => {
            onChange({ ...value, [language]: event.target.value });
            clearError(`${field}.${language}`);
          }}
          error={Boolean(error)}
          helperText={error}
          multiline
          minRows={8}
          fullWidth
          slotProps={{ htmlInput: { className: 'font-mono text-sm', spellCheck: false } }}
        />
        {renderActions?.(language)}
      </div>
    </FormSection>
  );
}
