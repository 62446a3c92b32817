'use client';

import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { QuestionFormValues } from '../../../lib/questions/question-form';
import { FormSection, removeAt, replaceAt, type FormPartProps } from './form-section';

type TestCaseValues = QuestionFormValues['testCases'][number];
const MAX_TEST_CASES = 200;

/** Machine-runnable cases: JSON arguments in parameter order and the JSON result expected. */
export function TestCasesEditor({ value, onChange, errors, clearError }: FormPartProps<TestCaseValues[]>) {
  function edit(index: number, change: Partial<TestCaseValues>, field: keyof TestCaseValues) {
    onChange(replaceAt(value, index, { ...value[index], ...change }));
    clearError(`testCases.${index}.${field}`);
  }
  const hiddenCount = value.filter((testCase) => testCase.hidden).length;
  return (
    <FormSection
      title="Test cases"
      description={`Arguments are a JSON list in parameter order, e.g. [[2,7,11,15], 9]; the result is one JSON value. Hidden cases are seen only by admins and the runner (${hiddenCount} of ${value.length} hidden).`}
      error={errors.testCases}
    >
      {value.map((testCase, index) => (
        <div key={index} className="flex flex-col gap-2 rounded-xl border border-divider p-3 sm:flex-row sm:items-start">
          <TextField
            label={`Test ${index + 1} arguments (JSON list)`}
            value={testCase.args}
            onChange={(event) => edit(index, { args: event.target.value }, 'args')}
            error={Boolean(errors[`testCases.${index}.args`])}
            helperText={errors[`testCases.${index}.args`]}
            size="small"
            multiline
            className="flex-[3]"
            slotProps={{ htmlInput: { className: 'font-mono', spellCheck: false } }}
          />
          <TextField
            label={`Test ${index + 1} expected result (JSON)`}
            value={testCase.expected}
            onChange={(event) => edit(index, { expected: event.target.value }, 'expected')}
            error={Boolean(errors[`testCases.${index}.expected`])}
            helperText={errors[`testCases.${index}.expected`]}
            size="small"
            multiline
            className="flex-[2]"
            slotProps={{ htmlInput: { className: 'font-mono', spellCheck: false } }}
          />
          <div className="flex items-center gap-1">
            <FormControlLabel
              control={<Checkbox checked={testCase.hidden} onChange={(event) => edit(index, { hidden: event.target.checked }, 'hidden')} />}
              label="Hidden"
              slotProps={{ typography: { className: 'text-sm' } }}
              aria-label={`Test ${index + 1} hidden`}
            />
            <IconButton aria-label={`Remove test ${index + 1}`} onClick={() => onChange(removeAt(value, index))}>
              <DeleteOutlined />
            </IconButton>
          </div>
        </div>
      ))}
      <div>
        <Button
          startIcon={<Add />}
          disabled={value.length >= MAX_TEST_CASES}
          onClick={() => onChange([...value, { args: '[]', expected: '', hidden: true }])}
        >
          Add test case
        </Button>
      </div>
    </FormSection>
  );
}
