'use client';

import { Surface } from '../../ui/surface';
import TextField from '@mui/material/TextField';
import { Text } from '../../ui/type';
import { useDeferredValue } from 'react';
import { SafeMarkdown } from '../safe-markdown';
import { FormSection, type FormPartProps } from './form-section';

/**
 * Markdown source beside its live preview, rendered by the same sanitised
 * component the question page uses, so what the admin sees is what students get.
 */
export function StatementEditor({ value, onChange, errors, clearError }: FormPartProps<string>) {
  // Typing stays responsive on a long statement: the preview may lag a frame behind.
  const preview = useDeferredValue(value);
  return (
    <FormSection
      title="Statement"
      description="Markdown (GitHub flavour: tables, lists, `code`, fenced code blocks). Raw HTML is shown as text, never run."
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <TextField
          label="Statement (Markdown)"
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
            clearError('statement');
          }}
          error={Boolean(errors.statement)}
          helperText={errors.statement}
          multiline
          minRows={14}
          fullWidth
          required
          slotProps={{ htmlInput: { className: 'font-mono text-sm', spellCheck: true } }}
        />
        <Surface as="section" aria-label="Statement preview" className="min-h-40 overflow-auto rounded-xl bg-background p-4 lg:max-h-[32rem]">
          <Text as="p" variant="overline" className="mb-2 block leading-none text-muted">
            Preview
          </Text>
          {preview.trim() ? (
            <SafeMarkdown>{preview}</SafeMarkdown>
          ) : (
            <Text as="p" className="text-muted">
              The statement appears here as students will see it.
            </Text>
          )}
        </Surface>
      </div>
    </FormSection>
  );
}
