import { COLLAB_CLOSE_CODES } from '@peerprep/contracts';
import { describeRoomRefusal } from './room-refusals';

describe('describeRoomRefusal', () => {
  it('says what to do for each limit the server enforces', () => {
    expect(describeRoomRefusal({ code: COLLAB_CLOSE_CODES.tooManySockets, reason: 'too many editor connections for this user' })).toMatch(/too many tabs.*Close one/);
    expect(describeRoomRefusal({ code: COLLAB_CLOSE_CODES.rateLimited, reason: 'too many editor messages' })).toMatch(/too many changes too fast/);
    expect(describeRoomRefusal({ code: COLLAB_CLOSE_CODES.documentTooLarge, reason: '' })).toMatch(/at most 65,536 characters.*not saved/);
  });

  it("quotes the server's reason for a refused change or chat line", () => {
    expect(describeRoomRefusal({ code: COLLAB_CLOSE_CODES.writeRefused, reason: 'meta.endedBy is written by the server only' })).toBe(
      'The server refused a change from this page (meta.endedBy is written by the server only). It was not saved; reload the page to continue.',
    );
    expect(describeRoomRefusal({ code: COLLAB_CLOSE_CODES.chatRefused, reason: 'the chat is full (500 messages)' })).toMatch(/chat message \(the chat is full/);
  });

  it('falls back to the reason, else the code', () => {
    expect(describeRoomRefusal({ code: COLLAB_CLOSE_CODES.forbidden, reason: 'not a participant of this room' })).toMatch(/\(not a participant of this room\)/);
    expect(describeRoomRefusal({ code: 4499, reason: '' })).toMatch(/\(code 4499\)/);
  });
});
