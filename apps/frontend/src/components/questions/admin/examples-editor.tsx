'use client';

import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { QuestionFormValues } from '../../../lib/questions/question-form';
import { FormSection, removeAt, replaceAt, type FormPartProps } from './form-section';

type Example = QuestionFormValues['examples'][number];
const MAX_EXAMPLES = 10;

/** Worked examples as shown to students (free text; the machine-run cases are the test cases). */
export function ExamplesEditor({ value, onChange, errors, clearError }: FormPartProps<Example[]>) {
  function edit(index: number, field: keyof Example, text: string) {
    onChange(replaceAt(value, index, { ...value[index], [field]: text }));
    clearError(`examples.${index}.${field}`);
  }
  const field = (index: number, name: keyof Example) => ({
    value: value[index][name],
    onChange: (event: { target: { value: string } }) => edit(index, name, event.target.value),
    error: Boolean(errors[`examples.${index}.${name}`]),
    helperText: errors[`examples.${index}.${name}`],
    size: 'small' as const,
    fullWidth: true,
  });

  return (
    <FormSection title="Examples" description="At least one worked example: input, output and an optional explanation." error={errors.examples}>
      {value.map((_example, index) => (
        <fieldset key={index} className="m-0 flex flex-col gap-3 rounded-xl border border-divider p-4">
          <legend className="px-1 text-sm font-semibold">Example {index + 1}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField {...field(index, 'input')} label={`Example ${index + 1} input`} multiline slotProps={{ htmlInput: { className: 'font-mono' } }} />
            <TextField {...field(index, 'output')} label={`Example ${index + 1} output`} multiline slotProps={{ htmlInput: { className: 'font-mono' } }} />
          </div>
          <div className="flex items-start gap-2">
            <TextField {...field(index, 'explanation')} label={`Example ${index + 1} explanation (optional)`} multiline />
            <IconButton aria-label={`Remove example ${index + 1}`} onClick={() => onChange(removeAt(value, index))}>
              <DeleteOutlined />
            </IconButton>
          </div>
        </fieldset>
      ))}
      <div>
        <Button startIcon={<Add />} disabled={value.length >= MAX_EXAMPLES} onClick={() => onChange([...value, { input: '', output: '', explanation: '' }])}>
          Add example
        </Button>
      </div>
    </FormSection>
  );
}
