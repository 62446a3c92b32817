'use client';

import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { HTMLAttributes } from 'react';
import { ROOM_PANE_LABELS, ROOM_PANES, roomPaneId, roomTabId, type RoomPane } from '../../lib/rooms/room-panes';

/** The tab bar above the room's panes on a phone (hidden from `md` up, where every pane shows). */
export function RoomTabs({
  value,
  onChange,
  unreadChat,
  runBusy,
  panes = ROOM_PANES,
}: {
  value: RoomPane;
  onChange(next: RoomPane): void;
  unreadChat: number;
  /** A run of the room is queued or running: the Run tab says so while another tab is open. */
  runBusy: boolean;
  /** The tabs, in order (`roomPanes`): the four of every room, or with the interviewer's. */
  panes?: readonly RoomPane[];
}) {
  return (
    <Tabs
      value={value}
      onChange={(_event, next: RoomPane) => onChange(next)}
      aria-label="Room"
      // Five tabs (an interviewer's) do not fit a 360 px phone side by side: they scroll within the bar, never the page.
      variant={panes.length > ROOM_PANES.length ? 'scrollable' : 'standard'}
      scrollButtons={false}
      className="sticky top-14 z-10 order-first -mx-4 border-b border-divider bg-background sm:top-16 md:hidden"
    >
      {panes.map((pane) => (
        <Tab
          key={pane}
          value={pane}
          id={roomTabId(pane)}
          aria-controls={roomPaneId(pane)}
          // Sized to their labels, then sharing what is left: "Chat & people" needs more than a quarter of 360 px.
          className="min-w-0 flex-auto whitespace-nowrap px-2.5"
          label={
            <span className="relative">
              {ROOM_PANE_LABELS[pane]}
              {pane === 'chat' && unreadChat > 0 ? (
                <>
                  {/* Over the label's corner, so the count never wraps "Chat & people" on a narrow phone. */}
                  <span
                    aria-hidden="true"
                    className="absolute -right-3 -top-2.5 min-w-5 rounded-full bg-primary px-1 text-center text-xs leading-5 text-primary-contrast"
                  >
                    {unreadChat}
                  </span>
                  <span className="sr-only">, {unreadChat} unread</span>
                </>
              ) : null}
              {pane === 'run' && runBusy && value !== 'run' ? (
                <>
                  <span aria-hidden="true" className="absolute -right-2.5 -top-1 h-2 w-2 rounded-full bg-primary" />
                  <span className="sr-only">, a run is in progress</span>
                </>
              ) : null}
            </span>
          }
        />
      ))}
    </Tabs>
  );
}

/**
 * Props that make an element one of the room's panes: on a phone a tab panel,
 * hidden unless its tab is selected (by CSS, so the editor and the chat stay
 * mounted and keep their state); from `md` up a plain, always visible block.
 */
export function roomPaneProps(pane: RoomPane, active: RoomPane, compact: boolean, className: string): HTMLAttributes<HTMLElement> {
  return {
    id: roomPaneId(pane),
    className: pane === active ? className : `${className} max-md:hidden`,
    ...(compact ? { role: 'tabpanel', 'aria-labelledby': roomTabId(pane) } : {}),
  };
}
