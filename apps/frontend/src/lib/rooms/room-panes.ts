/**
 * On a phone the room is four tabs instead of side-by-side panels: the
 * question, the code (language, End session and the editor), Run (Run and
 * Submit, the results, earlier runs) and the chat with the people in the
 * room. From Tailwind's `md` up every pane shows.
 */
export const ROOM_PANES = ['question', 'code', 'run', 'chat'] as const;
export type RoomPane = (typeof ROOM_PANES)[number];

export const ROOM_PANE_LABELS: Readonly<Record<RoomPane, string>> = {
  question: 'Question',
  code: 'Code',
  run: 'Run',
  chat: 'Chat & people',
};

export const roomTabId = (pane: RoomPane) => `room-tab-${pane}`;
export const roomPaneId = (pane: RoomPane) => `room-pane-${pane}`;

/**
 * Messages that arrived since the chat tab was last open; none while it is
 * open. `seen` is the message count when the chat tab was last left or opened.
 */
export function unreadChatCount(total: number, seen: number, active: RoomPane): number {
  return active === 'chat' ? 0 : Math.max(0, total - seen);
}
