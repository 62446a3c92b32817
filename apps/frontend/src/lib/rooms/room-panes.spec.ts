import { ROOM_PANES, roomPaneId, roomPanes, roomTabId, unreadChatCount } from './room-panes';

describe('unreadChatCount', () => {
  it('counts the messages that arrived since the chat tab was last seen', () => {
    expect(unreadChatCount(5, 3, 'code')).toBe(2);
    expect(unreadChatCount(5, 3, 'question')).toBe(2);
  });

  it('is zero while the chat tab is open, and never negative', () => {
    expect(unreadChatCount(5, 3, 'chat')).toBe(0);
    expect(unreadChatCount(2, 4, 'code')).toBe(0);
  });
});

describe('room tab ids', () => {
  it('gives every pane a distinct tab and panel id, so aria-controls and aria-labelledby pair up', () => {
    const ids = ROOM_PANES.flatMap((pane) => [roomTabId(pane), roomPaneId(pane)]);
    expect(new Set(ids).size).toBe(ROOM_PANES.length * 2);
  });
});

describe('roomPanes', () => {
  it("adds the Interviewer tab only for the round's interviewer, after the question", () => {
    expect(roomPanes(false)).toEqual(['question', 'code', 'run', 'chat']);
    expect(roomPanes(true)).toEqual(['question', 'interviewer', 'code', 'run', 'chat']);
    const ids = roomPanes(true).flatMap((pane) => [roomTabId(pane), roomPaneId(pane)]);
    expect(new Set(ids).size).toBe(10);
  });
});
