'use client';

import { useCallback, useState } from 'react';
import type { FieldErrors } from '../../lib/api-error';
import { describeFailure, type DescribeOptions, type FormFailure } from '../../lib/form-errors';

const NO_ERRORS: FieldErrors = {};

/**
 * The state every form here shares: pending while a submit runs (buttons
 * disable), messages beside fields, one message above the form.
 */
export function useFormSubmission(options: DescribeOptions) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>(NO_ERRORS);
  const [message, setMessage] = useState<string | null>(null);
  const { fields, unauthorizedMessage } = options;

  const showFailure = useCallback((failure: FormFailure) => {
    setFieldErrors(failure.fieldErrors);
    setMessage(failure.message);
  }, []);

  /** Editing a field clears its message: it spoke of the old value. */
  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _cleared, ...rest } = current;
      return rest;
    });
  }, []);

  /** Runs `task`; whatever it throws becomes messages. Resolves true on success. */
  const submit = useCallback(
    async (task: () => Promise<void>): Promise<boolean> => {
      setPending(true);
      setFieldErrors(NO_ERRORS);
      setMessage(null);
      try {
        await task();
        return true;
      } catch (error) {
        showFailure(describeFailure(error, { fields, unauthorizedMessage }));
        return false;
      } finally {
        setPending(false);
      }
    },
    [fields, unauthorizedMessage, showFailure],
  );

  return { pending, fieldErrors, message, submit, showFailure, clearFieldError };
}
