'use client';

import type { RoomFeedback, RoomView } from '@peerprep/contracts';
import Button from '@mui/material/Button';
import { Surface } from '../ui/surface';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../lib/api-client';
import { feedbackConflictMessage } from '../../lib/feedback/feedback-form';
import { visibilityText } from '../../lib/feedback/feedback-format';
import { roomHref } from '../../lib/rooms/room-links';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { FormAlert } from '../forms/form-alert';
import { LoadFailure } from '../rooms/room-status-pages';
import { BlockPartnerButton } from './block-partner-button';
import { FeedbackDetails } from './feedback-details';
import { FeedbackForm } from './feedback-form';
import { useRoomFeedback } from './use-room-feedback';

const ROOM_FAILURE_COPY = {
  noun: 'room',
  forbidden: 'This session belongs to other users.',
  backHref: '/history',
  backLabel: 'Back to your history',
} as const;

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const headingId = `${testId}-heading`;
  return (
    <Surface as="section" aria-labelledby={headingId} data-testid={testId} className="flex flex-col gap-4 rounded-2xl p-6">
      <h2 id={headingId} className="type-h2 m-0 text-xl">
        {title}
      </h2>
      {children}
    </Surface>
  );
}

/** What you gave: the form while there is something to rate, then what you sent; or why there is nothing to rate. */
function GivenSection({
  room,
  feedback,
  partnerName,
  partnerLeft,
  onSubmitted,
  onConflict,
}: {
  room: RoomView;
  feedback: RoomFeedback;
  partnerName: string;
  partnerLeft: boolean;
  onSubmitted(): void;
  onConflict(error: ApiError): void;
}) {
  if (feedback.given) {
    return (
      <Section title={`Your feedback for ${partnerName}`} testId="feedback-given">
        <FeedbackDetails feedback={feedback.given} label="The scores you gave" />
      </Section>
    );
  }
  if (room.status === 'OPEN') {
    return (
      <Section title={`Rate ${partnerName}`} testId="feedback-given">
        <p className="m-0" data-testid="feedback-state" data-state="open">
          The session is still running. You can rate {partnerName} once it has ended.
        </p>
        <div>
          <Button href={roomHref(room.id)} variant="outlined">
            Back to the room
          </Button>
        </div>
      </Section>
    );
  }
  if (feedback.toRate) {
    return (
      <Section title={`Rate ${partnerName} as a candidate`} testId="feedback-given">
        <p className="m-0 text-muted">
          On the rubric of round {feedback.toRate.round}, the round you interviewed {partnerName} in. {partnerName} sees it once they rated you
          too, or a day after the session.
        </p>
        <FeedbackForm roomId={room.id} partnerName={partnerName} toRate={feedback.toRate} onSubmitted={onSubmitted} onConflict={onConflict} />
      </Section>
    );
  }
  return (
    <Section title={`Rate ${partnerName}`} testId="feedback-given">
      <p className="m-0" data-testid="feedback-state" data-state="nothing-to-rate">
        {partnerLeft
          ? `${partnerName} deleted their account: there is nobody left to rate.`
          : `${partnerName} was never the candidate in this session (it ended during round one), so there is nothing to rate.`}
      </p>
    </Section>
  );
}

function ReceivedSection({ feedback, partnerName }: { feedback: RoomFeedback; partnerName: string }) {
  return (
    <Section title={`Feedback from ${partnerName}`} testId="feedback-received">
      {feedback.received ? (
        <FeedbackDetails feedback={feedback.received} label="The scores you received" testId="received-feedback" />
      ) : (
        <p className="m-0 text-muted" data-testid="feedback-received-state">
          {feedback.receivedVisibleAt ? visibilityText(partnerName, feedback.receivedVisibleAt) : `${partnerName} gave you no feedback for this session.`}
        </p>
      )}
    </Section>
  );
}

function RoomFeedbackContent({ roomId }: { roomId: string }) {
  const { user } = useAuth();
  const state = useRoomFeedback(roomId);
  const [conflict, setConflict] = useState<ApiError | null>(null);

  if (state.error) return <LoadFailure error={state.error} copy={ROOM_FAILURE_COPY} onRetry={state.reload} />;
  if (!state.data || !user) return <PageLoading label="Loading the feedback…" />;
  const { room, feedback } = state.data;
  const partner = room.participants.find((participant) => participant.id !== user.id) ?? room.participants[0];
  const partnerLeft = partner.id === null;

  return (
    <div className="flex flex-col gap-6">
      {conflict ? (
        <FormAlert
          severity="error"
          message={feedbackConflictMessage(
            { roomOpen: room.status === 'OPEN', alreadyGiven: Boolean(feedback?.given), partnerName: partner.displayName },
            conflict.detail ?? null,
          )}
        />
      ) : null}
      {feedback ? (
        <>
          <GivenSection
            room={room}
            feedback={feedback}
            partnerName={partner.displayName}
            partnerLeft={partnerLeft}
            onSubmitted={() => {
              setConflict(null);
              state.reload();
            }}
            onConflict={(error) => {
              setConflict(error);
              state.reload();
            }}
          />
          {room.status === 'CLOSED' ? <ReceivedSection feedback={feedback} partnerName={partner.displayName} /> : null}
        </>
      ) : (
        <Section title="No ratings in pair practice" testId="feedback-given">
          <p className="m-0" data-testid="feedback-state" data-state="pair">
            Feedback is for mock interviews. This was pair practice, so there is nothing to rate.
          </p>
        </Section>
      )}
      {partnerLeft ? null : (
        <Section title={`Block ${partner.displayName}`} testId="feedback-block">
          <p className="m-0 text-muted">If this session went wrong, block {partner.displayName}: matching never pairs you again.</p>
          <div className="flex flex-col items-start gap-2">
            <BlockPartnerButton roomId={room.id} partnerName={partner.displayName} />
          </div>
        </Section>
      )}
      <div>
        <Button href="/history" variant="text">
          Your history
        </Button>
      </div>
    </div>
  );
}

/** `/rooms/[id]/feedback`: rate the partner of a finished mock interview, read what they gave you, block them. */
export function RoomFeedbackView({ roomId }: { roomId: string }) {
  return (
    <RequireAuth>
      <RoomFeedbackContent roomId={roomId} />
    </RequireAuth>
  );
}
