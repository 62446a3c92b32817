'use client';

import type { EntryPoint, JsonValue, RunKind } from '@peerprep/contracts';
import Alert from '@mui/material/Alert';
import { Button } from '../ui/button';
import Collapse from '@mui/material/Collapse';
import TextField from '@mui/material/TextField';
import { Text } from '../ui/type';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FieldErrors } from '../../lib/api-error';
import { CUSTOM_INPUT_FIELD, customInputFields, customInputParams, initialCustomInput, parseCustomInput } from '../../lib/runs/custom-input';
import { describeRunFailure } from '../../lib/runs/run-errors';

export interface RunControlsProps {
  entryPoint: EntryPoint;
  /** Arguments to start the custom-input boxes from (a visible test's), when known. */
  initialArgs?: readonly JsonValue[];
  /** Why Run and Submit cannot be used now (a run in progress, the session ended), or null. */
  disabledReason: string | null;
  /** Starts a run; rejects with the API's refusal. */
  onStart(kind: RunKind, customInput: JsonValue[] | undefined): Promise<void>;
}

/**
 * "Ctrl+Enter", or "⌘+Enter" on Apple keyboards. The controls render only in
 * the browser (behind the session check), so the first render can tell.
 */
const shortcutLabel = () => (typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘+Enter' : 'Ctrl+Enter');

/** Seconds left of a Retry-After, ticking down once a second; 0 when there is none. */
function useRetryCountdown(): [number, (seconds: number | null) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) setUntil(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  return [
    left,
    (seconds) => {
      setNow(Date.now());
      setUntil(seconds === null ? null : Date.now() + seconds * 1000);
    },
  ];
}

/**
 * Run and Submit, Ctrl/Cmd+Enter for Run (anywhere on the page, the editor
 * included: caught before Monaco, whose own Ctrl+Enter inserts a line), and
 * the custom input: one JSON box per parameter, checked against the entry
 * point's types before anything is sent; the server's 400 lands on the same
 * boxes. Refusals (409, 413, 429, 503) show as a message, and a Retry-After
 * keeps the buttons disabled until it has passed.
 */
export function RunControls({ entryPoint, initialArgs, disabledReason, onStart }: RunControlsProps) {
  const params = useMemo(() => customInputParams(entryPoint), [entryPoint]);
  const fields = useMemo(() => customInputFields(entryPoint), [entryPoint]);
  const [customOpen, setCustomOpen] = useState(false);
  const [texts, setTexts] = useState(() => initialCustomInput(entryPoint, initialArgs));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [starting, setStarting] = useState<RunKind | null>(null);
  const [retryLeft, setRetryAfter] = useRetryCountdown();
  const [shortcut] = useState(shortcutLabel);
  const customId = useId();
  const reasonId = useId();

  const reason = disabledReason ?? (retryLeft > 0 ? `You can run again in ${retryLeft} s.` : null);
  const disabled = reason !== null || starting !== null;

  const start = async (kind: RunKind) => {
    if (disabled) return;
    let customInput: JsonValue[] | undefined;
    // A Submit runs every test of the question; only a Run takes the custom input.
    if (kind === 'run' && customOpen) {
      const parsed = parseCustomInput(entryPoint, texts);
      if (!parsed.ok) {
        setFieldErrors(parsed.fieldErrors);
        setMessage(parsed.fieldErrors[CUSTOM_INPUT_FIELD] ?? 'Fix the custom input first.');
        return;
      }
      customInput = parsed.args;
    }
    setFieldErrors({});
    setMessage(null);
    setStarting(kind);
    try {
      await onStart(kind, customInput);
    } catch (error) {
      const failure = describeRunFailure(error, fields);
      setFieldErrors(failure.fieldErrors);
      if (Object.keys(failure.fieldErrors).some((field) => field !== CUSTOM_INPUT_FIELD)) setCustomOpen(true);
      setMessage(failure.message ?? failure.fieldErrors[CUSTOM_INPUT_FIELD] ?? null);
      if (failure.retryAfterSeconds !== null) setRetryAfter(failure.retryAfterSeconds);
    } finally {
      setStarting(null);
    }
  };

  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing || event.altKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      void startRef.current('run');
    };
    // Capture phase: before Monaco's own Ctrl+Enter (insert line below) sees the key.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="outlined"
          onClick={() => void start('run')}
          disabled={disabled}
          aria-describedby={reason ? reasonId : undefined}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-testid="run-button"
        >
          {starting === 'run' ? 'Starting…' : 'Run'}
        </Button>
        <Button
          variant="contained"
          onClick={() => void start('submit')}
          disabled={disabled}
          aria-describedby={reason ? reasonId : undefined}
          data-testid="submit-button"
        >
          {starting === 'submit' ? 'Starting…' : 'Submit'}
        </Button>
        <Button
          size="small"
          onClick={() => setCustomOpen((open) => !open)}
          aria-expanded={customOpen}
          aria-controls={customId}
          data-testid="custom-input-toggle"
        >
          {customOpen ? 'Hide custom input' : 'Custom input'}
        </Button>
        <Text as="span" variant="body2" className="text-muted max-sm:hidden">
          {shortcut} runs
        </Text>
      </div>
      {reason ? (
        <Text id={reasonId} as="p" variant="body2" className="text-muted" data-testid="run-disabled-reason">
          {reason}
        </Text>
      ) : null}
      <Collapse in={customOpen} id={customId}>
        <fieldset className="m-0 flex min-w-0 flex-col gap-3 rounded-xl border border-solid border-divider p-3">
          <legend className="px-1 text-sm font-semibold">Custom input</legend>
          <Text as="p" variant="body2" className="text-muted">
            Run also calls your function with these arguments: one JSON value each (strings in double quotes).
          </Text>
          {params.map((param, index) => (
            <TextField
              key={param.field}
              label={param.label}
              value={texts[index] ?? ''}
              placeholder={param.placeholder}
              onChange={(event) => {
                const next = [...texts];
                next[index] = event.target.value;
                setTexts(next);
                if (fieldErrors[param.field]) setFieldErrors({ ...fieldErrors, [param.field]: '' });
              }}
              error={Boolean(fieldErrors[param.field])}
              helperText={fieldErrors[param.field] || ' '}
              size="small"
              fullWidth
              multiline
              maxRows={4}
              slotProps={{ htmlInput: { spellCheck: false, className: 'font-mono', 'data-testid': `custom-input-${index}` } }}
            />
          ))}
        </fieldset>
      </Collapse>
      {message ? (
        <Alert severity="error" role="alert" data-testid="run-error" onClose={() => setMessage(null)}>
          {message}
        </Alert>
      ) : null}
    </div>
  );
}
