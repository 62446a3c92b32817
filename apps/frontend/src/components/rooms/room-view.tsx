'use client';

import type { Language, Participant, RoomView as Room, RoundIndex, UserProfile } from '@peerprep/contracts';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { Surface } from '../ui/surface';
import type { Route } from 'next';
import dynamic from 'next/dynamic';
import { IntentLink } from '../intent-link';
import { useMemo, useState } from 'react';
import { runDiagnostics } from '../../lib/runs/diagnostics';
import { runInProgress } from '../../lib/runs/run-list';
import { ApiError } from '../../lib/api-client';
import { describeFailure } from '../../lib/form-errors';
import { participantColor, participantTextColors, remoteCursorCss } from '../../lib/rooms/participant-colors';
import { derivePresence } from '../../lib/rooms/presence';
import { editorRound } from '../../lib/rooms/interview-state';
import { endRoom, fetchRoom } from '../../lib/rooms/room-api';
import { feedbackHref } from '../../lib/rooms/room-links';
import { describeRoomRefusal } from '../../lib/rooms/room-refusals';
import { roomPanes, unreadChatCount, type RoomPane } from '../../lib/rooms/room-panes';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { useApiResource } from '../questions/use-api-resource';
import { useCompactLayout } from '../use-compact-layout';
import { CallPanel } from './call-panel';
import { ChatPanel } from './chat-panel';
import { EndSessionButton } from './end-session-button';
import { HintsPanel } from './hints-panel';
import { InterviewBanner } from './interview-banner';
import { LanguagePicker } from './language-picker';
import { PresenceList } from './presence-list';
import { QuestionPanel } from './question-panel';
import { LoadFailure } from './room-status-pages';
import { ClosedRoomRuns, RoomRunPanel } from './room-run-panel';
import { RoomTabs, roomPaneProps } from './room-tabs';
import { useInterview } from './use-interview';
import { useRoomSession } from './use-room-session';

/** Monaco and y-monaco need `window`: their chunk loads in the browser only. */
const CollaborativeEditor = dynamic(() => import('./collaborative-editor').then((module) => module.CollaborativeEditor), {
  ssr: false,
  loading: () => <PageLoading label="Loading the editor…" />,
});

/** The interviewer's pane: only the round's interviewer ever loads it (a pair room or a candidate never does). */
const InterviewerPane = dynamic(() => import('./interviewer-pane').then((module) => module.InterviewerPane), {
  ssr: false,
  loading: () => <PageLoading label="Loading the interviewer pane…" />,
});

const ROOM_FAILURE_COPY = {
  noun: 'room',
  forbidden: 'You are not a participant of this room.',
  backHref: '/match',
  backLabel: 'Find a partner',
} as const;

function nameOf(participants: readonly Participant[], userId: string | null): string | null {
  return participants.find((participant) => participant.id !== null && participant.id === userId)?.displayName ?? null;
}

/**
 * "Session ended by Ada", with the way to the saved attempt; a mock
 * interview's also says it is over and leads to rating the partner.
 */
function EndedBanner({ endedByName, interviewOver = false, rateHref = null }: { endedByName: string | null; interviewOver?: boolean; rateHref?: Route | null }) {
  const headline = interviewOver ? 'The interview is over' : endedByName ? `Session ended by ${endedByName}` : 'Session ended';
  return (
    <Alert
      severity="info"
      role="status"
      data-testid="session-ended-banner"
      action={
        <Button component={IntentLink} href="/history" color="inherit" size="small" className="whitespace-nowrap">
          View history
        </Button>
      }
    >
      {headline}. The code and chat are read-only and saved to your history.
      {/* Under the text, not beside it: two actions side by side leave the text no room on a phone. */}
      {rateHref ? (
        <div className="mt-2">
          <Button component={IntentLink} href={rateHref} color="inherit" size="small" variant="outlined" data-testid="rate-partner-link">
            Rate your partner
          </Button>
        </div>
      ) : null}
    </Alert>
  );
}

/** A room that was already closed when the page opened: nothing live to join. */
function ClosedRoom({ room, selfId }: { room: Room; selfId: string }) {
  return (
    <div className="mx-auto grid w-full max-w-[1600px] grid-cols-1 gap-4 px-4 py-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <QuestionPanel question={room.question} />
      <div className="flex min-w-0 flex-col gap-4">
        <EndedBanner
          endedByName={nameOf(room.participants, room.closedBy)}
          // Closed by no user: the rounds ran out (or the idle sweep closed it).
          interviewOver={room.mode === 'interview' && room.closedBy === null}
          rateHref={room.mode === 'interview' ? feedbackHref(room.id) : null}
        />
        <ClosedRoomRuns roomId={room.id} question={room.question} selfId={selfId} />
      </div>
    </div>
  );
}

function LiveRoom({ room, user }: { room: Room; user: UserProfile }) {
  const { request } = useAuth();
  const selfIndex = Math.max(
    0,
    room.participants.findIndex((participant) => participant.id === user.id),
  );
  const selfName = nameOf(room.participants, user.id) ?? user.displayName;
  const self = useMemo(() => ({ id: user.id, name: selfName, color: participantColor(selfIndex) }), [user.id, selfName, selfIndex]);
  const { session, snapshot } = useRoomSession(room.id, self);

  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<string | null>(null);
  /** The end as the API answered it, before (or without) the document saying so. */
  const [endedHere, setEndedHere] = useState<{ by: string | null } | null>(null);
  const compact = useCompactLayout();
  const [pane, setPane] = useState<RoomPane>('question');
  const [chatSeen, setChatSeen] = useState(0);

  const interview = useInterview(room, session, snapshot, user.id);
  const view = interview?.view ?? null;
  /** Round two's code shown during (or after) round two, or round one's, read-only, at the user's choice. */
  const [pastRoundShown, setPastRoundShown] = useState(false);

  const endedBy = snapshot.endedBy ?? endedHere?.by ?? null;
  // A mock interview that ran its two rounds is closed by the system: no user ended it, so no `endedBy`.
  const interviewOver = view?.phase === 'finished';
  const ended = snapshot.endedBy !== null || endedHere !== null || interviewOver;
  // A mock interview writes the round being played (and only while the server says so); pair practice writes `code` always.
  const live = interview ? editorRound(view, snapshot.documentRound) : { round: 1 as RoundIndex, writable: true };
  const shownRound: RoundIndex = live.round === 2 && pastRoundShown ? 1 : live.round;
  const roundQuestion = live.round === 2 ? (interview?.secondQuestion ?? null) : room.question;
  const roundOneLanguage: Language = snapshot.language ?? room.language;
  const language: Language = shownRound === 2 ? (snapshot.round2Language ?? roundOneLanguage) : roundOneLanguage;
  const editable = !ended && snapshot.synced && live.writable && shownRound === live.round;
  const role = interview?.role ?? null;
  const currentRound = view?.currentRound?.index ?? null;
  const roundHints = currentRound === null ? [] : snapshot.hints.filter((hint) => hint.round === currentRound);
  const panes = roomPanes(role === 'interviewer');
  // The interviewer's tab goes when the roles swap: fall back to the question.
  const activePane: RoomPane = panes.includes(pane) ? pane : 'question';
  const latestRun = snapshot.runs[0] ?? null;
  // The newest run's compile errors on their lines; the same object while that run stays the newest.
  const diagnostics = useMemo(() => runDiagnostics(latestRun, language), [latestRun, language]);

  const partner = room.participants.find((participant) => participant.id !== user.id) ?? null;
  const callPeer = partner?.id ? { id: partner.id, name: partner.displayName } : null;

  const presence = derivePresence({
    participants: room.participants,
    selfId: user.id,
    connected: snapshot.connection === 'connected',
    online: new Set(snapshot.peers.map((peer) => peer.userId)),
    everSeen: snapshot.everSeen,
  });

  const cursorCss = remoteCursorCss(
    snapshot.peers.flatMap((peer) => {
      const index = room.participants.findIndex((participant) => participant.id === peer.userId);
      return index < 0 ? [] : [{ clientId: peer.clientId, color: participantColor(index), name: room.participants[index].displayName }];
    }),
  );

  const colorOf = (authorId: string | null) => {
    const index = room.participants.findIndex((participant) => participant.id !== null && participant.id === authorId);
    return index < 0 ? undefined : participantTextColors(index);
  };

  const endSession = async () => {
    setEnding(true);
    setEndError(null);
    try {
      const closed = await endRoom(request, room.id);
      setEndedHere({ by: closed.closedBy });
    } catch (error) {
      // 409: the partner ended it first; the document brings their name.
      if (error instanceof ApiError && error.status === 409) setEndedHere({ by: null });
      else setEndError(describeFailure(error, { fields: [] }).message ?? 'The session could not be ended.');
    } finally {
      setEnding(false);
    }
  };

  const changePane = (next: RoomPane) => {
    // Leaving or opening the chat: what it holds now counts as read.
    if (next === 'chat' || activePane === 'chat') setChatSeen(snapshot.chat.length);
    setPane(next);
  };
  const alerts = Boolean(endError) || ended || Boolean(snapshot.refused);

  return (
    <div className="mx-auto grid w-full max-w-[1600px] grid-cols-1 gap-4 px-4 py-6 max-md:gap-3 max-md:pt-0 lg:min-h-[calc(100vh-4rem)] lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      {/* y-monaco's decorations carry per-client classes; these give each its owner's colour and name. */}
      <style data-testid="remote-cursor-styles">{cursorCss}</style>
      <RoomTabs
        value={activePane}
        onChange={changePane}
        unreadChat={unreadChatCount(snapshot.chat.length, chatSeen, activePane)}
        runBusy={runInProgress(snapshot.runs) !== null}
        panes={panes}
      />
      {interview && !interviewOver ? (
        <div className="max-md:order-first lg:col-span-2">
          <InterviewBanner view={view} role={role} offsetMs={interview.offsetMs} />
        </div>
      ) : null}
      {/* The question (with the candidate's hints) and, for the interviewer, their pane; on a phone each is a tab of its own. */}
      <div className="flex min-h-0 flex-col gap-4 max-md:contents">
        <div {...roomPaneProps('question', activePane, compact, 'flex min-h-0 flex-col gap-4')}>
          {roundQuestion ? <QuestionPanel question={roundQuestion} /> : <PageLoading label="Loading the second question…" />}
          {role === 'candidate' ? <HintsPanel hints={roundHints} /> : null}
        </div>
        {role === 'interviewer' && currentRound !== null && !ended ? (
          <div {...roomPaneProps('interviewer', activePane, compact, 'flex min-w-0 flex-col')}>
            <Surface className="rounded-2xl p-4">
              <InterviewerPane
                key={currentRound}
                roomId={room.id}
                round={currentRound}
                released={roundHints}
                language={language}
                onReleased={(hint) => session?.receiveHints([hint])}
                onView={(next) => session?.receiveInterview(next)}
              />
            </Surface>
          </div>
        ) : null}
      </div>
      {/* On a phone the alerts sit above whichever pane is open (hence order-first; the tabs come first in the DOM). */}
      <section
        aria-label="Workspace"
        className={`flex min-h-0 flex-col gap-3 max-md:order-first ${(activePane === 'question' || activePane === 'interviewer') && !alerts ? 'max-md:hidden' : ''}`}
      >
        {endError ? (
          <Alert severity="error" role="alert">
            {endError}
          </Alert>
        ) : null}
        {ended ? (
          <EndedBanner endedByName={nameOf(room.participants, endedBy)} interviewOver={interviewOver} rateHref={interview ? feedbackHref(room.id) : null} />
        ) : null}
        {snapshot.refused ? (
          <Alert severity="error" role="alert">
            {describeRoomRefusal(snapshot.refused)}
          </Alert>
        ) : null}
        <div {...roomPaneProps('code', activePane, compact, 'flex min-h-0 flex-col gap-3 lg:flex-1')}>
          <div className="flex flex-wrap items-center gap-3">
            <LanguagePicker
              value={language}
              disabled={!editable || session === null || roundQuestion === null}
              onChange={(next) => roundQuestion && session?.setLanguage(next, roundQuestion.starterCode, shownRound)}
            />
            {live.round === 2 ? (
              // Round one's code stays readable (never writable) once round two has its own editor.
              <div role="group" aria-label="Code shown" className="flex gap-1">
                <Button size="small" variant={pastRoundShown ? 'outlined' : 'contained'} aria-pressed={!pastRoundShown} onClick={() => setPastRoundShown(false)} data-testid="show-round-2-code">
                  Round 2 code
                </Button>
                <Button size="small" variant={pastRoundShown ? 'contained' : 'outlined'} aria-pressed={pastRoundShown} onClick={() => setPastRoundShown(true)} data-testid="show-round-1-code">
                  Round 1 code
                </Button>
              </div>
            ) : null}
            <div className="ml-auto">
              <EndSessionButton ending={ending} disabled={ended} onConfirm={endSession} />
            </div>
          </div>
          <Surface
            data-testid="room-editor"
            data-language={language}
            data-readonly={editable ? 'false' : 'true'}
            data-round={interview ? shownRound : undefined}
            // A phone gives the editor the screen below the bar, the tabs and its toolbar.
            className="h-[60vh] min-h-72 overflow-hidden rounded-2xl max-md:h-[calc(100dvh-12rem)] max-md:min-h-80 lg:h-auto lg:min-h-[26rem] lg:flex-1"
          >
            {session ? (
              <CollaborativeEditor
                // A fresh Monaco per round's text: its undo stack must not reach into the other round's code.
                key={shownRound}
                session={session}
                text={shownRound === 2 ? session.parts.round2Code : session.parts.code}
                shareCursor={shownRound === live.round}
                language={language}
                readOnly={!editable}
                diagnostics={shownRound === live.round ? diagnostics : null}
              />
            ) : (
              <PageLoading label="Connecting to the room…" />
            )}
          </Surface>
        </div>
        <div {...roomPaneProps('run', activePane, compact, 'flex min-w-0 flex-col')}>
          <Surface className="rounded-2xl p-4">
            <RoomRunPanel
              roomId={room.id}
              question={roundQuestion ?? room.question}
              session={session}
              snapshot={snapshot}
              selfId={user.id}
              ended={ended}
              blockedReason={interview && currentRound === null ? 'Runs open when round 1 starts.' : null}
            />
          </Surface>
        </div>
        <div {...roomPaneProps('chat', activePane, compact, 'grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]')}>
          <Surface className="rounded-2xl p-4 md:col-span-2">
            <CallPanel
              roomId={room.id}
              session={session}
              selfId={user.id}
              peer={callPeer}
              // While this page's own socket is down it sees nobody: that is not the partner leaving.
              peerOnline={snapshot.connection !== 'connected' || (callPeer !== null && snapshot.peers.some((peer) => peer.userId === callPeer.id))}
              peerInCall={snapshot.peerCallJoin !== null}
              sessionEnded={ended}
            />
          </Surface>
          <Surface className="rounded-2xl p-4">
            <PresenceList rows={presence} connection={snapshot.connection} />
          </Surface>
          <Surface className="rounded-2xl p-4">
            <ChatPanel
              messages={snapshot.chat}
              selfId={user.id}
              colorOf={colorOf}
              // The chat is not the code: open while a mock interview waits, or shows a past round read-only.
              disabled={ended || !snapshot.synced || session === null}
              disabledReason={ended ? 'The session has ended.' : 'Connecting…'}
              onSend={(text) => session?.sendChat(text) ?? { ok: false, reason: 'offline' }}
            />
          </Surface>
        </div>
      </section>
    </div>
  );
}

function RoomLoader({ roomId }: { roomId: string }) {
  const { request, user } = useAuth();
  const room = useApiResource(`room:${roomId}`, (signal) => fetchRoom(request, roomId, signal));
  if (room.error) return <LoadFailure error={room.error} copy={ROOM_FAILURE_COPY} onRetry={room.reload} />;
  if (room.loading || !room.data || !user) return <PageLoading label="Loading the room…" />;
  if (room.data.status === 'CLOSED') return <ClosedRoom room={room.data} selfId={user.id} />;
  return <LiveRoom room={room.data} user={user} />;
}

/** `/rooms/[id]`: the question, the shared editor, chat and presence for the two matched users. */
export function RoomView({ roomId }: { roomId: string }) {
  return (
    <RequireAuth>
      <RoomLoader roomId={roomId} />
    </RequireAuth>
  );
}
