'use client';

import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { RUBRIC_MAX_CRITERIA } from '@peerprep/contracts/constants';
import { newRubricCriterion, suggestSlug, type RubricCriterionForm } from '../../../lib/questions/question-form';
import { FormSection, moveAt, removeAt, replaceAt, type FormPartProps } from './form-section';
import { ReorderButtons } from './reorder-buttons';

type Field = 'title' | 'id' | 'description';

/**
 * The criteria the interviewer of a mock interview rates (1–4 each), in the
 * order the feedback form lists them. Never shown to the candidate. A new
 * criterion's id follows its title until the id is edited; the ids of saved
 * criteria are left alone, since feedback refers to them.
 */
export function RubricEditor({ value, onChange, errors, clearError }: FormPartProps<RubricCriterionForm[]>) {
  function edit(index: number, field: Field, text: string) {
    const current = value[index];
    const next: RubricCriterionForm =
      field === 'id'
        ? { ...current, id: text, idFollowsTitle: false }
        : { ...current, [field]: text, ...(field === 'title' && current.idFollowsTitle ? { id: suggestSlug(text).slice(0, 40).replace(/-+$/, '') } : {}) };
    onChange(replaceAt(value, index, next));
    clearError(`rubric.${index}.${field}`);
    if (next.id !== current.id) clearError(`rubric.${index}.id`);
  }
  const field = (index: number, name: Field) => ({
    value: value[index][name],
    onChange: (event: { target: { value: string } }) => edit(index, name, event.target.value),
    error: Boolean(errors[`rubric.${index}.${name}`]),
    helperText: errors[`rubric.${index}.${name}`],
    size: 'small' as const,
    fullWidth: true,
  });

  return (
    <FormSection
      title="Rubric"
      description="What the interviewer rates, 1 to 4 per criterion, in a mock interview; never shown to the candidate. One to eight criteria, each with a unique id that feedback refers to."
      error={errors.rubric}
    >
      {value.map((criterion, index) => (
        <fieldset key={index} className="m-0 flex flex-col gap-3 rounded-xl border border-divider p-4">
          <legend className="px-1 text-sm font-semibold">Criterion {index + 1}</legend>
          <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
            <TextField {...field(index, 'title')} label={`Criterion ${index + 1} name`} />
            <TextField
              {...field(index, 'id')}
              label={`Criterion ${index + 1} id`}
              helperText={errors[`rubric.${index}.id`] ?? (criterion.idFollowsTitle ? 'From the title' : undefined)}
              slotProps={{ htmlInput: { className: 'font-mono' } }}
            />
          </div>
          <div className="flex items-start gap-2">
            <TextField {...field(index, 'description')} label={`Criterion ${index + 1} description`} multiline minRows={2} />
            <ReorderButtons label={`criterion ${index + 1}`} index={index} count={value.length} onMove={(to) => onChange(moveAt(value, index, to))} />
            <IconButton aria-label={`Remove criterion ${index + 1}`} disabled={value.length === 1} onClick={() => onChange(removeAt(value, index))}>
              <DeleteOutlined />
            </IconButton>
          </div>
        </fieldset>
      ))}
      <div>
        <Button startIcon={<Add />} disabled={value.length >= RUBRIC_MAX_CRITERIA} onClick={() => onChange([...value, newRubricCriterion()])}>
          Add criterion
        </Button>
      </div>
    </FormSection>
  );
}
