/**
 * On a phone the room is four tabs instead of side-by-side panels: the
 * question, the code (language, End session and the editor), Run (Run and
 * Submit, the results, earlier runs) and the chat with the people in the
 * room. A mock interview's interviewer gets a fifth, Interviewer (their
 * pane). From Tailwind's `md` up every pane shows.
 */
export const ROOM_PANES = ['question', 'code', 'run', 'chat'] as const;
export type RoomPane = (typeof ROOM_PANES)[number] | 'interviewer';

export const ROOM_PANE_LABELS: Readonly<Record<RoomPane, string>> = {
  question: 'Question',
  code: 'Code',
  run: 'Run',
  chat: 'Chat & people',
  interviewer: 'Interviewer',
};

/** The tabs of a room: the interviewer's pane right after the question, which it is read beside. */
export function roomPanes(interviewer: boolean): readonly RoomPane[] {
  return interviewer ? ['question', 'interviewer', 'code', 'run', 'chat'] : ROOM_PANES;
}

export const roomTabId = (pane: RoomPane) => `room-tab-${pane}`;
export const roomPaneId = (pane: RoomPane) => `room-pane-${pane}`;

/**
 * Messages that arrived since the chat tab was last open; none while it is
 * open. `seen` is the message count when the chat tab was last left or opened.
 */
export function unreadChatCount(total: number, seen: number, active: RoomPane): number {
  return active === 'chat' ? 0 : Math.max(0, total - seen);
}
