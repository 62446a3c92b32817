'use client';

import type { CurrentRound, InterviewRole, InterviewView } from '@peerprep/contracts';
import { remainingMs } from '@peerprep/contracts/clock';
import { useEffect, useState } from 'react';
import { atZeroText, formatCountdown, isWarningDue, roleBannerText, spokenCountdown, warningText } from '../../lib/rooms/interview-state';

/**
 * Time left in the round by the server's clock, re-rendered just after each
 * whole second of it: both peers' digits change together, whatever their
 * own clocks say.
 */
function useRemaining(round: CurrentRound, offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  const left = remainingMs(round.endsAt, offsetMs, now);
  useEffect(() => {
    if (left <= 0) return;
    // Wake a few ms past the next second boundary (formatCountdown rounds up).
    const timer = window.setTimeout(() => setNow(Date.now()), (left % 1000 || 1000) + 5);
    return () => window.clearTimeout(timer);
  }, [left]);
  return left;
}

function RunningRound({ round, role, offsetMs, warningSeconds }: { round: CurrentRound; role: InterviewRole | null; offsetMs: number; warningSeconds: number }) {
  const left = useRemaining(round, offsetMs);
  const warning = isWarningDue(round, left, warningSeconds);
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <p className="m-0 font-bold" data-testid="interview-role" data-role={role ?? ''} data-round={round.index}>
          {role ? roleBannerText(round.index, role) : `Round ${round.index} of 2`}
        </p>
        {/* A timer is not announced every second (role="timer" is not live by default); the warning below is. */}
        <span
          role="timer"
          aria-label={`Time left in round ${round.index}: ${spokenCountdown(left)}`}
          data-testid="interview-countdown"
          data-warning={warning ? 'true' : 'false'}
          className={`ml-auto font-mono text-xl font-bold tabular-nums ${warning ? 'text-warning' : ''}`}
        >
          {formatCountdown(left)}
        </span>
      </div>
      <p className="m-0 text-sm text-muted" data-testid="interview-at-zero">
        {atZeroText(round.index)}
      </p>
      {/* Always in the page, so the warning is announced the moment it appears (once: it then stays). */}
      <p role="status" aria-live="polite" className="m-0 text-sm font-semibold text-warning empty:hidden" data-testid="interview-warning">
        {warning ? warningText(round.index, warningSeconds) : ''}
      </p>
    </>
  );
}

/**
 * The mock interview's strip above the room: while waiting, that the clock
 * starts when both are here; during a round, the round, this user's role,
 * the countdown, what happens at zero and, five minutes before, the warning.
 * The end is the room's ended banner.
 */
export function InterviewBanner({ view, role, offsetMs }: { view: InterviewView | null; role: InterviewRole | null; offsetMs: number }) {
  if (view?.phase === 'finished') return null;
  const round = view?.currentRound ?? null;
  return (
    <section
      aria-label="Interview"
      data-testid="interview-banner"
      data-phase={view?.phase ?? 'loading'}
      className="flex flex-col gap-1 rounded-2xl border border-divider bg-paper px-4 py-3"
    >
      {round && view ? (
        <RunningRound key={round.index} round={round} role={role} offsetMs={offsetMs} warningSeconds={view.warningSeconds} />
      ) : (
        <p role="status" className="m-0 font-semibold" data-testid="interview-waiting">
          {view ? 'Waiting for your partner — the interview starts when you are both here' : 'Loading the interview…'}
        </p>
      )}
    </section>
  );
}
