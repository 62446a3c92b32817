import { COLLAB_CLOSE_CODES, ROOM_LIMITS } from '@peerprep/contracts';

/**
 * What the room page tells the user when the server closed the editor for
 * good (a 4400–4499 close, on which y-websocket stops reconnecting): what
 * happened and what to do, in words, with the server's reason where it says
 * more. A change the server refused never reached the peer, so each asks for
 * a reload, which brings back the room as the server holds it.
 */
export function describeRoomRefusal({ code, reason }: { code: number; reason: string }): string {
  switch (code) {
    case COLLAB_CLOSE_CODES.tooManySockets:
      return 'This room is open in too many tabs or windows. Close one, then reload the page.';
    case COLLAB_CLOSE_CODES.rateLimited:
      return 'This page sent too many changes too fast, so the server disconnected it. Reload the page to continue.';
    case COLLAB_CLOSE_CODES.documentTooLarge:
      return `The code is too large: a room holds at most ${ROOM_LIMITS.codeMaxLength.toLocaleString('en')} characters. Your last change was not saved; reload the page to continue.`;
    case COLLAB_CLOSE_CODES.chatRefused:
      return `The server refused a chat message (${reason || 'refused'}). Reload the page to continue.`;
    case COLLAB_CLOSE_CODES.writeRefused:
      return `The server refused a change from this page (${reason || 'refused'}). It was not saved; reload the page to continue.`;
    default:
      return `The server closed the connection to this room (${reason || `code ${code}`}). Reload the page to try again.`;
  }
}
