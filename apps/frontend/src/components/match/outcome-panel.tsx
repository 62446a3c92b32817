'use client';

import type { MatchCriteria, TopicWithCounts } from '@peerprep/contracts';
import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import { Button, buttonClass } from '../ui/button';
import { IntentLink } from '../intent-link';
import CircularProgress from '@mui/material/CircularProgress';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import type { ReactNode } from 'react';
import { describeWidening, widenCriteria } from '../../lib/match/criteria-form';
import type { MatchOutcome } from '../../lib/match/match-state';
import { describeSession } from '../../lib/match/session-labels';
import { DIFFICULTY_LABELS, LANGUAGE_LABELS } from '../../lib/questions/labels';
import { roomHref } from '../../lib/rooms/room-links';
import { initialOf } from '../user-initial';
import { MuiScope } from '../mui/mui-scope';

function Panel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <MuiScope>
      <Surface as="section" aria-label={label} className="flex flex-col gap-5 rounded-2xl p-6">
        {children}
      </Surface>
    </MuiScope>
  );
}

export function MatchedPanel({ outcome, topicNames }: { outcome: MatchOutcome; topicNames: ReadonlyMap<string, string> }) {
  const href = outcome.roomId ? roomHref(outcome.roomId) : null;
  return (
    <Panel label="Matched">
      <div className="flex items-center gap-4">
        <Avatar className="h-14 w-14 bg-primary text-xl text-primary-contrast" aria-hidden="true">
          {initialOf(outcome.peer.displayName)}
        </Avatar>
        <div className="min-w-0">
          <Text as="p" className="text-sm font-semibold uppercase tracking-wide text-primary">
            Matched
          </Text>
          <Text variant="h2" className="truncate text-2xl" data-testid="matched-peer">
            {outcome.peer.displayName}
          </Text>
        </div>
      </div>
      <Text as="p" className="font-semibold" data-testid="matched-session">
        {describeSession(outcome.mode, outcome.minutes)}
      </Text>
      <Text as="p" className="-mt-3 text-muted">
        {DIFFICULTY_LABELS[outcome.difficulty]} · {outcome.topics.map((slug) => topicNames.get(slug) ?? slug).join(', ')} ·{' '}
        {LANGUAGE_LABELS[outcome.language]}
      </Text>
      {href ? (
        <IntentLink href={href} className={`${buttonClass({ variant: 'contained', size: 'large' })} self-start`}>
          Go to room
        </IntentLink>
      ) : (
        <div role="status" className="flex items-center gap-3 text-muted">
          <CircularProgress size={20} aria-hidden="true" />
          <span>Preparing your room…</span>
        </div>
      )}
    </Panel>
  );
}

export interface EndedPanelProps {
  kind: 'timedOut' | 'cancelled' | 'failed';
  message: string;
  criteria: MatchCriteria | null;
  topics: readonly TopicWithCounts[];
  onTryAgain(criteria: MatchCriteria): void;
  onEdit(criteria?: MatchCriteria): void;
}

const TITLES = { timedOut: 'No partner this time', cancelled: 'Request cancelled', failed: 'The match fell through' } as const;

export function EndedPanel({ kind, message, criteria, topics, onTryAgain, onEdit }: EndedPanelProps) {
  const wider = kind === 'timedOut' && criteria ? widenCriteria(criteria, topics) : null;
  return (
    <Panel label={TITLES[kind]}>
      <Text variant="h2" className="text-xl">
        {TITLES[kind]}
      </Text>
      <Alert severity={kind === 'cancelled' ? 'info' : 'warning'} role="status" data-testid="match-outcome">
        {message}
      </Alert>
      <div className="flex flex-wrap gap-3">
        {criteria ? (
          <Button variant="contained" onClick={() => onTryAgain(criteria)}>
            Try again
          </Button>
        ) : null}
        {criteria && wider ? (
          <Button variant="outlined" onClick={() => onEdit(wider)} title={describeWidening(criteria, wider)}>
            Widen my criteria
          </Button>
        ) : null}
        <Button variant="text" onClick={() => onEdit()}>
          Change criteria
        </Button>
      </div>
      {criteria && wider ? (
        <Text variant="body2" className="-mt-2 text-muted">
          Widen: {describeWidening(criteria, wider).toLowerCase()}, then review and send.
        </Text>
      ) : null}
    </Panel>
  );
}
