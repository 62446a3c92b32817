'use client';

import type { ExecutionResult, RunView, TestResult } from '@peerprep/contracts';
import Chip from '@mui/material/Chip';
import { Text } from '../ui/type';
import type { ReactNode } from 'react';
import {
  excerpt,
  formatArgs,
  formatJson,
  formatMs,
  phaseText,
  resultHeadline,
  STATUS_TONES,
  TONE_TEXT,
  VERDICT_LABELS,
  VERDICT_TONES,
} from '../../lib/runs/run-format';


export function VerdictChip({ verdict }: { verdict: TestResult['verdict'] }) {
  const tone = VERDICT_TONES[verdict];
  return (
    <Chip
      label={VERDICT_LABELS[verdict]}
      size="small"
      variant="outlined"
      color={tone}
      className="font-semibold"
      data-testid="verdict-chip"
    />
  );
}

/** A labelled value in a test's details: monospace, wrapping anywhere so a phone never scrolls sideways. */
function Detail({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 sm:flex-row sm:gap-3" data-testid={testId}>
      <dt className="w-20 shrink-0 text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{label}</dt>
      <dd className="m-0 min-w-0 flex-1">{children}</dd>
    </div>
  );
}

function Code({ children }: { children: string }) {
  return <code className="block whitespace-pre-wrap break-all font-mono text-sm">{children}</code>;
}

function Output({ text }: { text: string }) {
  return (
    <pre className="m-0 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-foreground/5 p-2 font-mono text-xs">{text}</pre>
  );
}

function TestRow({ test, custom, paramNames }: { test: TestResult; custom: boolean; paramNames: readonly string[] }) {
  const title = custom ? 'Custom input' : `Test ${test.index + 1}`;
  const time = test.timeMs === null ? null : <span className="text-sm text-muted">{formatMs(test.timeMs)}</span>;
  // A skipped test (the code did not compile) has nothing more to show than a hidden one.
  const hasDetails = !test.hidden && (test.args !== undefined || test.actual !== undefined || Boolean(test.stdout) || Boolean(test.stderr));

  if (!hasDetails) {
    return (
      <li data-testid="run-test-row" data-verdict={test.verdict} className="flex flex-wrap items-center gap-2 px-3 py-2">
        <span className="text-sm font-semibold">{title}</span>
        {test.hidden ? <span className="text-sm text-muted">Hidden test</span> : null}
        <VerdictChip verdict={test.verdict} />
        {time}
      </li>
    );
  }

  const failed = test.verdict !== 'passed' && test.verdict !== 'ran' && test.verdict !== 'skipped';
  const stdout = excerpt(test.stdout);
  const stderr = excerpt(test.stderr);
  const showActual = test.actual !== undefined && test.verdict !== 'runtime_error';
  return (
    <li data-testid="run-test-row" data-verdict={test.verdict}>
      {/* A failing test (or a custom input's answer) is what the reader came for: open from the start. */}
      <details open={failed || custom} className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-3 py-2 hover:bg-foreground/5 [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block w-3 text-muted transition-transform group-open:rotate-90">
            ›
          </span>
          <span className="text-sm font-semibold">{title}</span>
          <VerdictChip verdict={test.verdict} />
          {time}
        </summary>
        <dl className="m-0 flex flex-col gap-2 px-3 pb-3 pl-8">
          <Detail label="Input" testId="test-input">
            <Code>{formatArgs(test.args, paramNames)}</Code>
          </Detail>
          {test.expected !== undefined ? (
            <Detail label="Expected" testId="test-expected">
              <Code>{formatJson(test.expected)}</Code>
            </Detail>
          ) : null}
          {showActual ? (
            <Detail label={custom ? 'Returned' : 'Actual'} testId="test-actual">
              <Code>{formatJson(test.actual)}</Code>
            </Detail>
          ) : null}
          {test.exitCode !== undefined && test.exitCode !== null && test.exitCode !== 0 ? (
            <Detail label="Exit code">
              <Code>{String(test.exitCode)}</Code>
            </Detail>
          ) : null}
          {test.signal ? (
            <Detail label="Signal">
              <Code>{test.signal}</Code>
            </Detail>
          ) : null}
          {stdout ? (
            <Detail label="Stdout">
              <Output text={stdout} />
            </Detail>
          ) : null}
          {stderr ? (
            <Detail label="Stderr">
              <Output text={stderr} />
            </Detail>
          ) : null}
        </dl>
      </details>
    </li>
  );
}

function CompileOutput({ result }: { result: ExecutionResult }) {
  const { compile } = result;
  if (compile.ok && compile.diagnostics.length === 0) return null;
  const title = compile.ok ? 'Compiler warnings' : result.status === 'compile_limit' ? 'Compilation stopped at a limit' : 'Compiler output';
  return (
    <section aria-label={title} className="flex flex-col gap-1" data-testid="run-compile-output">
      <Text variant="subtitle2" as="h4" className="font-bold">
        {title}
      </Text>
      {compile.diagnostics.some((diagnostic) => diagnostic.line !== null) ? (
        <Text as="p" variant="body2" className="text-muted">
          The lines at fault are marked in the editor.
        </Text>
      ) : null}
      <Output text={excerpt(compile.output, 8000) ?? compile.diagnostics.map((diagnostic) => diagnostic.message).join('\n')} />
    </section>
  );
}

/** A finished run in one line: "Accepted 12/12 · 48 ms · 12 MB", in its verdict's colour; why a failed run could not run. */
export function RunHeadline({ run }: { run: RunView }) {
  if (run.phase === 'failed') {
    return (
      <Text as="span" data-testid="run-summary" className="font-bold text-error">
        {phaseText(run)}
      </Text>
    );
  }
  if (!run.result) return null;
  return (
    <Text as="span" data-testid="run-summary" className={`text-lg font-bold ${TONE_TEXT[STATUS_TONES[run.result.status]]}`}>
      {resultHeadline(run.result)}
    </Text>
  );
}

/**
 * A finished run's details, read-only (RunHeadline says the verdict): the
 * compiler's output when it has something to say, and one row per test
 * (visible tests with input, expected and actual and the output excerpts;
 * hidden tests with their verdict only).
 */
export function RunResult({ run, paramNames }: { run: RunView; paramNames: readonly string[] }) {
  const result = run.result;
  if (run.phase !== 'done' || !result) return null;
  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="run-result" data-status={result.status}>
      <CompileOutput result={result} />
      {result.tests.length > 0 ? (
        <ol aria-label="Tests" className="m-0 list-none divide-y divide-divider overflow-hidden rounded-xl border border-solid border-divider p-0">
          {result.tests.map((test, position) => (
            <TestRow
              key={test.index}
              test={test}
              // A Run's custom input is its last test, the one without an expected value.
              custom={test.verdict === 'ran' || (run.customInput !== null && !test.hidden && position === result.tests.length - 1 && test.expected === undefined)}
              paramNames={paramNames}
            />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
