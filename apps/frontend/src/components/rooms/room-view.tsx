'use client';

import type { Language, Participant, RoomView as Room, UserProfile } from '@peerprep/contracts';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { Surface } from '../ui/surface';
import dynamic from 'next/dynamic';
import { IntentLink } from '../intent-link';
import { useMemo, useState } from 'react';
import { runDiagnostics } from '../../lib/runs/diagnostics';
import { runInProgress } from '../../lib/runs/run-list';
import { ApiError } from '../../lib/api-client';
import { describeFailure } from '../../lib/form-errors';
import { participantColor, participantTextColors, remoteCursorCss } from '../../lib/rooms/participant-colors';
import { derivePresence } from '../../lib/rooms/presence';
import { endRoom, fetchRoom } from '../../lib/rooms/room-api';
import { describeRoomRefusal } from '../../lib/rooms/room-refusals';
import { unreadChatCount, type RoomPane } from '../../lib/rooms/room-panes';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { useApiResource } from '../questions/use-api-resource';
import { useCompactLayout } from '../use-compact-layout';
import { CallPanel } from './call-panel';
import { ChatPanel } from './chat-panel';
import { EndSessionButton } from './end-session-button';
import { LanguagePicker } from './language-picker';
import { PresenceList } from './presence-list';
import { QuestionPanel } from './question-panel';
import { LoadFailure } from './room-status-pages';
import { ClosedRoomRuns, RoomRunPanel } from './room-run-panel';
import { RoomTabs, roomPaneProps } from './room-tabs';
import { useRoomSession } from './use-room-session';

/** Monaco and y-monaco need `window`: their chunk loads in the browser only. */
const CollaborativeEditor = dynamic(() => import('./collaborative-editor').then((module) => module.CollaborativeEditor), {
  ssr: false,
  loading: () => <PageLoading label="Loading the editor…" />,
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

/** "Session ended by Ada", with the way to the saved attempt. */
function EndedBanner({ endedByName }: { endedByName: string | null }) {
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
      {endedByName ? `Session ended by ${endedByName}` : 'Session ended'}. The code and chat are read-only and saved to your history.
    </Alert>
  );
}

/** A room that was already closed when the page opened: nothing live to join. */
function ClosedRoom({ room, selfId }: { room: Room; selfId: string }) {
  return (
    <div className="mx-auto grid w-full max-w-[1600px] grid-cols-1 gap-4 px-4 py-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <QuestionPanel question={room.question} />
      <div className="flex min-w-0 flex-col gap-4">
        <EndedBanner endedByName={nameOf(room.participants, room.closedBy)} />
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

  const endedBy = snapshot.endedBy ?? endedHere?.by ?? null;
  const ended = snapshot.endedBy !== null || endedHere !== null;
  const language: Language = snapshot.language ?? room.language;
  const editable = !ended && snapshot.synced;
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
    if (next === 'chat' || pane === 'chat') setChatSeen(snapshot.chat.length);
    setPane(next);
  };
  const alerts = Boolean(endError) || ended || Boolean(snapshot.refused);

  return (
    <div className="mx-auto grid w-full max-w-[1600px] grid-cols-1 gap-4 px-4 py-6 max-md:gap-3 max-md:pt-0 lg:min-h-[calc(100vh-4rem)] lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      {/* y-monaco's decorations carry per-client classes; these give each its owner's colour and name. */}
      <style data-testid="remote-cursor-styles">{cursorCss}</style>
      <RoomTabs
        value={pane}
        onChange={changePane}
        unreadChat={unreadChatCount(snapshot.chat.length, chatSeen, pane)}
        runBusy={runInProgress(snapshot.runs) !== null}
      />
      <div {...roomPaneProps('question', pane, compact, 'flex min-h-0 flex-col')}>
        <QuestionPanel question={room.question} />
      </div>
      {/* On a phone the alerts sit above whichever pane is open (hence order-first; the tabs come first in the DOM). */}
      <section
        aria-label="Workspace"
        className={`flex min-h-0 flex-col gap-3 max-md:order-first ${pane === 'question' && !alerts ? 'max-md:hidden' : ''}`}
      >
        {endError ? (
          <Alert severity="error" role="alert">
            {endError}
          </Alert>
        ) : null}
        {ended ? <EndedBanner endedByName={nameOf(room.participants, endedBy)} /> : null}
        {snapshot.refused ? (
          <Alert severity="error" role="alert">
            {describeRoomRefusal(snapshot.refused)}
          </Alert>
        ) : null}
        <div {...roomPaneProps('code', pane, compact, 'flex min-h-0 flex-col gap-3 lg:flex-1')}>
          <div className="flex flex-wrap items-center gap-3">
            <LanguagePicker value={language} disabled={!editable || session === null} onChange={(next) => session?.setLanguage(next, room.question.starterCode)} />
            <div className="ml-auto">
              <EndSessionButton ending={ending} disabled={ended} onConfirm={endSession} />
            </div>
          </div>
          <Surface
            data-testid="room-editor"
            data-language={language}
            data-readonly={editable ? 'false' : 'true'}
            // A phone gives the editor the screen below the bar, the tabs and its toolbar.
            className="h-[60vh] min-h-72 overflow-hidden rounded-2xl max-md:h-[calc(100dvh-12rem)] max-md:min-h-80 lg:h-auto lg:min-h-[26rem] lg:flex-1"
          >
            {session ? (
              <CollaborativeEditor session={session} language={language} readOnly={!editable} diagnostics={diagnostics} />
            ) : (
              <PageLoading label="Connecting to the room…" />
            )}
          </Surface>
        </div>
        <div {...roomPaneProps('run', pane, compact, 'flex min-w-0 flex-col')}>
          <Surface className="rounded-2xl p-4">
            <RoomRunPanel roomId={room.id} question={room.question} session={session} snapshot={snapshot} selfId={user.id} ended={ended} />
          </Surface>
        </div>
        <div {...roomPaneProps('chat', pane, compact, 'grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]')}>
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
              disabled={!editable || session === null}
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
