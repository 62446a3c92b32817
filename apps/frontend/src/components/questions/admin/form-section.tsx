import { Surface } from '../../ui/surface';
import { Text } from '../../ui/type';
import type { ReactNode } from 'react';
import type { FieldErrors } from '../../../lib/api-error';

/** What every part of the question form receives. */
export interface FormPartProps<T> {
  value: T;
  onChange(next: T): void;
  errors: FieldErrors;
  /** Editing a field clears its message: it spoke of the old value. */
  clearError(path: string): void;
}

/** A titled card of the question form. */
export function FormSection({ title, description, error, children }: { title: string; description?: ReactNode; error?: string; children: ReactNode }) {
  const id = `form-section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Surface as="section" aria-labelledby={id} className="flex flex-col gap-4 rounded-2xl p-5 sm:p-6">
      <div>
        <Text id={id} variant="h2" className="text-lg font-bold">
          {title}
        </Text>
        {description ? (
          <Text as="p" variant="body2" className="mt-1 text-muted">
            {description}
          </Text>
        ) : null}
        {error ? (
          <Text as="p" variant="body2" className="mt-1 text-error" data-field-error="true">
            {error}
          </Text>
        ) : null}
      </div>
      {children}
    </Surface>
  );
}

/** Replaces item `index` of a list without mutating it. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, at) => (at === index ? item : current));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}

/** Moves item `from` to `to` (a neighbour, for the up/down buttons) without mutating the list. */
export function moveAt<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
