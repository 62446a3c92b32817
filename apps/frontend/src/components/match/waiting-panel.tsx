'use client';

import type { MatchCriteria } from '@peerprep/contracts';
import { Button } from '../ui/button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { useEffect, useState } from 'react';
import { countdownAt, formatRemaining } from '../../lib/match/countdown';
import type { WaitWindow } from '../../lib/match/match-state';
import { describeSession, SESSION_MODE_LABELS } from '../../lib/match/session-labels';
import { DIFFICULTY_LABELS, LANGUAGE_LABELS } from '../../lib/questions/labels';
import type { LiveChannel } from './use-match';
import { MuiScope } from '../mui/mui-scope';

/** The clock, re-read a few times a second while mounted. */
function useNow(intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface WaitingPanelProps {
  criteria: MatchCriteria;
  window: WaitWindow;
  relaxed: boolean;
  cancelling: boolean;
  channel: LiveChannel;
  topicNames: ReadonlyMap<string, string>;
  onCancel(): void;
}

export function WaitingPanel({ criteria, window, relaxed, cancelling, channel, topicNames, onCancel }: WaitingPanelProps) {
  const now = useNow();
  const countdown = countdownAt(window, now, relaxed);
  const status = countdown.expired
    ? 'Time is up: checking one last time…'
    : countdown.phase === 'relaxed'
      ? 'Nobody at your difficulty yet: now looking at every difficulty on your topics.'
      : `Looking for a ${SESSION_MODE_LABELS[criteria.mode].toLowerCase()} partner for ${DIFFICULTY_LABELS[criteria.difficulty].toLowerCase()} questions.`;

  return (
    <MuiScope>
      <Surface as="section" aria-labelledby="waiting-heading" className="flex flex-col gap-6 rounded-2xl p-6">
        <div className="flex items-center gap-4">
          <CircularProgress size={28} aria-hidden="true" />
          <div className="min-w-0 flex-1">
            <Text id="waiting-heading" variant="h2" className="text-xl">
              Finding you a partner
            </Text>
            <Text as="p" role="status" data-testid="match-status" className="text-muted">
              {status}
            </Text>
          </div>
          <Text aria-label="Time left" className="font-mono text-3xl font-semibold tabular-nums" data-testid="match-countdown">
            {formatRemaining(countdown.remainingMs)}
          </Text>
        </div>

        <div>
          <LinearProgress
            variant="determinate"
            value={countdown.progress * 100}
            color={countdown.phase === 'relaxed' ? 'secondary' : 'primary'}
            aria-label={countdown.phase === 'relaxed' ? 'Relaxed window' : 'Same-difficulty window'}
            className="h-2 rounded-full"
          />
          <div className="mt-2 flex justify-between text-xs text-muted">
            <span className={countdown.phase === 'strict' ? 'font-semibold text-foreground' : ''}>Same difficulty</span>
            <span className={countdown.phase === 'relaxed' ? 'font-semibold text-foreground' : ''}>
              {criteria.allowRelaxed ? 'Any difficulty' : 'Relaxed match off'}
            </span>
          </div>
        </div>

        <div className="flex flex-wrap items-center gap-2" aria-label="Your criteria">
          <Chip size="small" color="primary" label={describeSession(criteria.mode, criteria.minutes)} data-testid="match-session" />
          <Chip size="small" color="primary" variant="outlined" label={DIFFICULTY_LABELS[criteria.difficulty]} />
          {criteria.topics.map((slug) => (
            <Chip key={slug} size="small" variant="outlined" label={topicNames.get(slug) ?? slug} />
          ))}
          <Chip size="small" variant="outlined" label={LANGUAGE_LABELS[criteria.language]} />
        </div>

        <div className="flex flex-wrap items-center justify-between gap-3">
          <Text variant="body2" className="text-muted">
            {channel === 'reconnecting' ? 'Connection lost: reconnecting… your place in the queue is kept.' : 'Keep this page open; you will be paired here.'}
          </Text>
          <Button variant="outlined" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </Button>
        </div>
      </Surface>
    </MuiScope>
  );
}
