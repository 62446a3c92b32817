import type { ExecutionResult, ExecutionStatus, JsonValue, RunKind, RunSummary, RunView, TestVerdict } from '@peerprep/contracts';
import { LANGUAGE_LABELS } from '../questions/labels';

/**
 * How runs read on screen: verdicts, phases, summaries. Pure, so the room, the
 * question page and history all say the same thing, and tests pin it down.
 */

export const VERDICT_LABELS: Readonly<Record<TestVerdict, string>> = {
  passed: 'Passed',
  ran: 'Ran',
  wrong_answer: 'Wrong answer',
  runtime_error: 'Runtime error',
  time_limit: 'Time limit exceeded',
  memory_limit: 'Memory limit exceeded',
  output_limit: 'Output limit exceeded',
  skipped: 'Skipped',
};

/**
 * The MUI palette colour of a verdict or a status. Only `success`, `error`
 * and `warning` (and the text colour) reach 4.5:1 as chip text in both
 * schemes (the theme darkens the light `warning`); `info` would not.
 */
export type Tone = 'success' | 'error' | 'warning' | 'default';

/**
 * Text in a tone's colour, as a Tailwind class (spelled out, so Tailwind finds them): the palette's `main`, which the
 * theme keeps at 4.5:1 on paper in both schemes. Here rather than beside the run panel, so a list that colours a status
 * does not load the panel's MUI parts.
 */
export const TONE_TEXT: Readonly<Record<Tone, string>> = {
  success: 'text-success',
  error: 'text-error',
  warning: 'text-warning',
  default: 'text-foreground',
};

export const VERDICT_TONES: Readonly<Record<TestVerdict, Tone>> = {
  passed: 'success',
  ran: 'default',
  wrong_answer: 'error',
  runtime_error: 'error',
  time_limit: 'warning',
  memory_limit: 'warning',
  output_limit: 'warning',
  skipped: 'default',
};

export const STATUS_TONES: Readonly<Record<ExecutionStatus, Tone>> = {
  accepted: 'success',
  wrong_answer: 'error',
  runtime_error: 'error',
  time_limit: 'warning',
  memory_limit: 'warning',
  output_limit: 'warning',
  compile_error: 'error',
  compile_limit: 'warning',
};

export const KIND_LABELS: Readonly<Record<RunKind, string>> = { run: 'Run', submit: 'Submit' };

/** "48 ms", "1.25 s": a test's or a run's time. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "12 MB", "640 KB": peak memory, in decimal units as the other judges show it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${Math.round(bytes / 1_000_000)} MB`;
}

/** "Accepted 12/12 · 48 ms · 12 MB"; a compile error has no time or memory to show. */
export function resultHeadline(result: ExecutionResult): string {
  const parts = [result.summary];
  if (result.compile.ok) {
    parts.push(formatMs(result.totalTimeMs));
    if (result.peakMemoryBytes !== null) parts.push(formatBytes(result.peakMemoryBytes));
  }
  return parts.join(' · ');
}

/** A history row's last submission: "Accepted 12/12 · Java · 48 ms". */
export function runSummaryLine(summary: Pick<RunSummary, 'summary' | 'language' | 'totalTimeMs'>): string {
  const parts = [summary.summary, LANGUAGE_LABELS[summary.language]];
  if (summary.totalTimeMs !== null) parts.push(formatMs(summary.totalTimeMs));
  return parts.join(' · ');
}

/** "Queued", "Compiling", "Running test 3 of 12", then the result's summary (or why it failed). */
export function phaseText(run: Pick<RunView, 'phase' | 'progress' | 'result' | 'error'>): string {
  switch (run.phase) {
    case 'queued':
      return 'Queued';
    case 'compiling':
      return 'Compiling';
    case 'running': {
      const progress = run.progress;
      if (!progress || progress.testCount === 0) return 'Running';
      if (progress.testIndex === null) return `Running ${progress.testCount} test${progress.testCount === 1 ? '' : 's'}`;
      return `Running test ${Math.min(progress.testIndex + 1, progress.testCount)} of ${progress.testCount}`;
    }
    case 'done':
      return run.result?.summary ?? 'Done';
    case 'failed':
      return run.error ? `Could not run: ${run.error}` : 'Could not run the code. Try again.';
  }
}

/** "Ada ran the code", "You submitted": who started it, from the reader's side. */
export function startedByText(run: Pick<RunView, 'userId' | 'userName' | 'kind'>, selfId: string | null): string {
  const who = selfId !== null && run.userId === selfId ? 'You' : run.userName;
  return `${who} ${run.kind === 'run' ? 'ran the code' : 'submitted'}`;
}

/** "just now", "5 min ago", "3 h ago", then the date: when a run started, at a glance. */
export function formatRunTime(iso: string, now: number = Date.now(), locale?: string): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 24 * 3600) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** A test argument or result as the judge received or produced it: compact JSON. */
export function formatJson(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  return JSON.stringify(value);
}

/** `nums = [2,7], target = 9`: a visible test's arguments, named after the entry point's parameters. */
export function formatArgs(args: readonly JsonValue[] | undefined, paramNames: readonly string[]): string {
  if (!args) return '—';
  return args.map((arg, index) => `${paramNames[index] ?? `arg${index + 1}`} = ${JSON.stringify(arg)}`).join(', ');
}

/** The first `max` characters of program output, saying when there was more. */
export function excerpt(text: string | undefined, max = 2000): string | null {
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`;
}
