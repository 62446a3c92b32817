'use client';

import { VALUE_TYPES } from '@peerprep/contracts/constants';
import type { ValueType } from '@peerprep/contracts';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { QuestionFormValues } from '../../../lib/questions/question-form';
import { signatureOf } from '../../../lib/questions/signature';
import { FormSection, removeAt, replaceAt, type FormPartProps } from './form-section';

type EntryPointValues = QuestionFormValues['entryPoint'];
const MAX_PARAMS = 10;

function TypeSelect({ label, value, onChange, error }: { label: string; value: ValueType; onChange(type: ValueType): void; error?: string }) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as ValueType)}
      error={Boolean(error)}
      helperText={error}
      size="small"
      className="w-full sm:w-40"
    >
      {VALUE_TYPES.map((type) => (
        <MenuItem key={type} value={type}>
          <code>{type}</code>
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The function a solution defines; the test cases' arguments follow its parameters in order. */
export function EntryPointEditor({ value, onChange, errors, clearError }: FormPartProps<EntryPointValues>) {
  const setParams = (params: EntryPointValues['params']) => onChange({ ...value, params });
  return (
    <FormSection
      title="Entry point"
      description={
        <>
          The function every language&apos;s solution defines; the harness calls it with each test case&apos;s arguments.
          {value.functionName ? (
            <>
              {' '}
              Signature: <code className="font-mono">{signatureOf(value)}</code>
            </>
          ) : null}
        </>
      }
      error={errors['entryPoint.params']}
    >
      <div className="flex flex-col gap-3 sm:flex-row">
        <TextField
          label="Function name"
          value={value.functionName}
          onChange={(event) => {
            onChange({ ...value, functionName: event.target.value });
            clearError('entryPoint.functionName');
          }}
          error={Boolean(errors['entryPoint.functionName'])}
          helperText={errors['entryPoint.functionName'] ?? 'e.g. twoSum'}
          size="small"
          className="flex-1"
          slotProps={{ htmlInput: { className: 'font-mono', spellCheck: false } }}
        />
        <TypeSelect
          label="Return type"
          value={value.returnType}
          onChange={(returnType) => {
            onChange({ ...value, returnType });
            clearError('entryPoint.returnType');
          }}
          error={errors['entryPoint.returnType']}
        />
      </div>
      {value.params.map((param, index) => (
        <div key={index} className="flex items-start gap-2">
          <TextField
            label={`Parameter ${index + 1} name`}
            value={param.name}
            onChange={(event) => {
              setParams(replaceAt(value.params, index, { ...param, name: event.target.value }));
              clearError(`entryPoint.params.${index}.name`);
            }}
            error={Boolean(errors[`entryPoint.params.${index}.name`])}
            helperText={errors[`entryPoint.params.${index}.name`]}
            size="small"
            className="flex-1"
            slotProps={{ htmlInput: { className: 'font-mono', spellCheck: false } }}
          />
          <TypeSelect
            label={`Parameter ${index + 1} type`}
            value={param.type}
            onChange={(type) => setParams(replaceAt(value.params, index, { ...param, type }))}
            error={errors[`entryPoint.params.${index}.type`]}
          />
          <IconButton aria-label={`Remove parameter ${index + 1}`} onClick={() => setParams(removeAt(value.params, index))}>
            <DeleteOutlined />
          </IconButton>
        </div>
      ))}
      <div>
        <Button
          startIcon={<Add />}
          disabled={value.params.length >= MAX_PARAMS}
          onClick={() => setParams([...value.params, { name: '', type: 'int' }])}
        >
          Add parameter
        </Button>
      </div>
    </FormSection>
  );
}
