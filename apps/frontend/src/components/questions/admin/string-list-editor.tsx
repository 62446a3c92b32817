'use client';

import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { FormSection, moveAt, removeAt, replaceAt, type FormPartProps } from './form-section';
import { ReorderButtons } from './reorder-buttons';

/** Constraints and hints: an ordered list of short Markdown texts (hints are released in this order). */
export function StringListEditor({
  value,
  onChange,
  errors,
  clearError,
  path,
  title,
  itemLabel,
  description,
  max,
  multiline,
}: FormPartProps<string[]> & { path: string; title: string; itemLabel: string; description: string; max: number; multiline?: boolean }) {
  return (
    <FormSection title={title} description={description} error={errors[path]}>
      {value.map((item, index) => (
        <div key={index} className="flex items-start gap-2">
          <TextField
            label={`${itemLabel} ${index + 1}`}
            value={item}
            multiline={multiline}
            minRows={multiline ? 2 : undefined}
            onChange={(event) => {
              onChange(replaceAt(value, index, event.target.value));
              clearError(`${path}.${index}`);
            }}
            error={Boolean(errors[`${path}.${index}`])}
            helperText={errors[`${path}.${index}`]}
            fullWidth
            size="small"
          />
          <ReorderButtons
            label={`${itemLabel.toLowerCase()} ${index + 1}`}
            index={index}
            count={value.length}
            onMove={(to) => onChange(moveAt(value, index, to))}
          />
          <IconButton aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`} onClick={() => onChange(removeAt(value, index))}>
            <DeleteOutlined />
          </IconButton>
        </div>
      ))}
      <div>
        <Button startIcon={<Add />} disabled={value.length >= max} onClick={() => onChange([...value, ''])}>
          Add {itemLabel.toLowerCase()}
        </Button>
      </div>
    </FormSection>
  );
}
