'use client';

import type { InterviewerPane as Material, InterviewView, Language, ReleasedHint, RoundIndex } from '@peerprep/contracts';
import { LANGUAGES } from '@peerprep/contracts/constants';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId, useRef, useState } from 'react';
import { describeFailure } from '../../lib/form-errors';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';
import { endInterviewRound, fetchInterviewerMaterial, releaseHint, saveInterviewerNotes } from '../../lib/rooms/interview-api';
import { nextHintToRelease, NOTES_SAVE_DELAY_MS, notesStatusText, type NotesStatus } from '../../lib/rooms/interviewer-pane';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { SelectField } from '../forms/select-field';
import { SafeMarkdown } from '../questions/safe-markdown';
import { useApiResource } from '../questions/use-api-resource';

export interface InterviewerPaneProps {
  roomId: string;
  round: RoundIndex;
  /** Hints released in this round as the room heard them (the pushes), beside the pane's own answer. */
  released: readonly ReleasedHint[];
  /** The round's code language: the reference solution opens in it. */
  language: Language;
  onReleased(hint: ReleasedHint): void;
  onView(view: InterviewView): void;
}

function failureText(error: unknown, fallback: string): string {
  return describeFailure(error, { fields: [] }).message ?? fallback;
}

function Hints({ roomId, round, material, released, onReleased }: { roomId: string; round: RoundIndex; material: Material; released: readonly ReleasedHint[]; onReleased(hint: ReleasedHint): void }) {
  const { request } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const releasedIndexes = new Set([...material.hints.filter((hint) => hint.released).map((hint) => hint.index), ...released.map((hint) => hint.index)]);
  const next = nextHintToRelease(material.hints, releasedIndexes);

  const release = async (index: number) => {
    setBusy(true);
    setError(null);
    try {
      onReleased(await releaseHint(request, roomId, round, index));
    } catch (failure) {
      setError(failureText(failure, 'The hint could not be released.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="pane-hints-title" className="flex flex-col gap-2">
      <h3 id="pane-hints-title" className="m-0 text-sm font-bold">
        Hints
      </h3>
      {material.hints.length === 0 ? <p className="m-0 text-sm text-muted">This question has no hints.</p> : null}
      <ol className="m-0 flex list-none flex-col gap-2 p-0">
        {material.hints.map((hint) => (
          <li key={hint.index} data-testid="pane-hint" data-released={releasedIndexes.has(hint.index) ? 'true' : 'false'} className="rounded-xl border border-divider p-3 text-sm">
            <span className="font-semibold">
              Hint {hint.index + 1}
              {releasedIndexes.has(hint.index) ? ' · released' : ' · not released'}
            </span>
            <SafeMarkdown>{hint.text}</SafeMarkdown>
          </li>
        ))}
      </ol>
      {next !== null ? (
        <Button variant="outlined" size="small" className="self-start" disabled={busy} onClick={() => void release(next)} data-testid="release-hint">
          {busy ? 'Releasing…' : `Release hint ${next + 1}`}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="m-0 text-sm text-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function ReferenceSolution({ material, language }: { material: Material; language: Language }) {
  const available = LANGUAGES.filter((candidate) => material.referenceSolutions[candidate]);
  const [chosen, setChosen] = useState<Language | null>(null);
  const shown = chosen ?? (available.includes(language) ? language : (available[0] ?? null));
  return (
    <section aria-labelledby="pane-solution-title" className="flex min-w-0 flex-col gap-2">
      <h3 id="pane-solution-title" className="m-0 text-sm font-bold">
        Reference solution
      </h3>
      {shown === null ? (
        <p className="m-0 text-sm text-muted">This question has no reference solution.</p>
      ) : (
        <>
          {available.length > 1 ? (
            <SelectField<Language>
              label="Solution language"
              size="small"
              value={shown}
              options={available.map((value) => ({ value, label: LANGUAGE_LABELS[value] }))}
              onChange={(value) => setChosen(value)}
              className="w-44"
            />
          ) : (
            <p className="m-0 text-sm text-muted">{LANGUAGE_LABELS[shown]}</p>
          )}
          <pre tabIndex={0} aria-label={`Reference solution in ${LANGUAGE_LABELS[shown]}`} data-testid="pane-solution" className="m-0 max-h-80 overflow-auto rounded-lg border border-divider bg-foreground/5 p-3 font-mono text-sm">
            {material.referenceSolutions[shown]}
          </pre>
        </>
      )}
    </section>
  );
}

function Rubric({ material }: { material: Material }) {
  return (
    <section aria-labelledby="pane-rubric-title" className="flex flex-col gap-2">
      <h3 id="pane-rubric-title" className="m-0 text-sm font-bold">
        Rubric
      </h3>
      <dl className="m-0 flex flex-col gap-2 text-sm" data-testid="pane-rubric">
        {material.rubric.map((criterion) => (
          <div key={criterion.id}>
            <dt className="font-semibold">{criterion.title}</dt>
            <dd className="m-0 text-muted">{criterion.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Private notes, saved a moment after the last keystroke (and when the pane closes with a change unsaved). */
function Notes({ roomId, round, initial }: { roomId: string; round: RoundIndex; initial: string }) {
  const { request } = useAuth();
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  }, [request]);
  const id = useId();
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<NotesStatus>('idle');
  const saved = useRef(initial);
  /** Each save's number: an older answer arriving late must not say "Saved" over a newer edit. */
  const saves = useRef(0);

  useEffect(() => {
    if (text === saved.current) return;
    const save = () => {
      const number = ++saves.current;
      setStatus('saving');
      saveInterviewerNotes(requestRef.current, roomId, round, text).then(
        () => {
          saved.current = text;
          if (number === saves.current) setStatus('saved');
        },
        () => {
          if (number === saves.current) setStatus('failed');
        },
      );
    };
    const timer = window.setTimeout(save, NOTES_SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, roomId, round]);

  // The pane goes when the round ends: a change still waiting for its pause is saved then (notes stay writable after the round).
  const latest = useRef(text);
  useEffect(() => {
    latest.current = text;
  }, [text]);
  useEffect(
    () => () => {
      if (latest.current !== saved.current) void saveInterviewerNotes(requestRef.current, roomId, round, latest.current).catch(() => undefined);
    },
    [roomId, round],
  );

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-1">
      <h3 id={`${id}-title`} className="m-0 text-sm font-bold">
        <label htmlFor={`${id}-notes`}>Private notes</label>
      </h3>
      <textarea
        id={`${id}-notes`}
        value={text}
        maxLength={10_000}
        rows={5}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-status`}
        data-testid="pane-notes"
        className="w-full resize-y rounded-lg border border-divider bg-paper p-2 text-sm text-foreground"
      />
      <p id={`${id}-status`} role="status" className={`m-0 text-xs ${status === 'failed' ? 'text-error' : 'text-muted'}`} data-testid="pane-notes-status" data-status={status}>
        {notesStatusText(status)}
      </p>
    </section>
  );
}

function EndRound({ roomId, round, onView }: { roomId: string; round: RoundIndex; onView(view: InterviewView): void }) {
  const { request } = useAuth();
  const [open, setOpen] = useState(false);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  const end = async () => {
    setOpen(false);
    setEnding(true);
    setError(null);
    try {
      onView(await endInterviewRound(request, roomId, round));
    } catch (failure) {
      setError(failureText(failure, 'The round could not be ended.'));
    } finally {
      setEnding(false);
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <Button variant="contained" color="warning" className="self-start" disabled={ending} onClick={() => setOpen(true)} data-testid="end-round-button">
        {ending ? 'Ending…' : `End round ${round}`}
      </Button>
      {error ? (
        <p role="alert" className="m-0 text-sm text-error">
          {error}
        </p>
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>End round {round} now?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {round === 1
              ? 'Round 2 starts at once: you swap roles and your partner asks you the second question.'
              : 'The interview ends for both of you: the code becomes read-only and you can rate each other.'}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Keep going</Button>
          <Button color="warning" variant="contained" onClick={() => void end()} data-testid="confirm-end-round">
            Yes, end round {round}
          </Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}

/**
 * The interviewer's pane of the round being played: hints to release in
 * order, the reference solution, the rubric, private notes and "End round".
 * Loaded (with next/dynamic) only for the round's interviewer: a candidate's
 * page never asks for the material, and the server refuses it anyway (403).
 */
export function InterviewerPane({ roomId, round, released, language, onReleased, onView }: InterviewerPaneProps) {
  const { request } = useAuth();
  const material = useApiResource(`interviewer-material:${roomId}:${round}`, (signal) => fetchInterviewerMaterial(request, roomId, round, signal));

  return (
    <section aria-labelledby="interviewer-pane-title" data-testid="interviewer-pane" className="flex min-w-0 flex-col gap-4">
      <h2 id="interviewer-pane-title" className="m-0 text-base font-bold">
        Interviewer · round {round}
      </h2>
      <p className="m-0 text-sm text-muted">Only you see this pane: your partner sees a hint once you release it.</p>
      {material.error ? (
        <div role="alert" className="flex flex-col items-start gap-2 text-sm">
          <p className="m-0 text-error">{failureText(material.error, 'The interviewer material could not be loaded.')}</p>
          <Button size="small" variant="outlined" onClick={material.reload}>
            Try again
          </Button>
        </div>
      ) : !material.data ? (
        <PageLoading label="Loading the interviewer material…" />
      ) : (
        <>
          <Hints roomId={roomId} round={round} material={material.data} released={released} onReleased={onReleased} />
          <ReferenceSolution material={material.data} language={language} />
          <Rubric material={material.data} />
          <Notes key={`${roomId}:${round}`} roomId={roomId} round={round} initial={material.data.notes?.text ?? ''} />
        </>
      )}
      <EndRound roomId={roomId} round={round} onView={onView} />
    </section>
  );
}
