import { CHAT_MESSAGE_MAX_LENGTH, ROOM_CHAT_MESSAGE_TYPE, ROOM_LIMITS } from '@peerprep/contracts';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { checkChatDraft, encodeChatMessage, readChatMessages } from './chat';

const message = (id: string, text: string) => ({
  id,
  authorId: '0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11',
  authorName: 'Ada',
  text,
  sentAt: '2026-11-24T10:15:00.000Z',
});

describe('checkChatDraft', () => {
  it('sends the trimmed text', () => {
    expect(checkChatDraft('  hello there \n', 0)).toEqual({ ok: true, text: 'hello there' });
  });

  it('refuses blank text', () => {
    expect(checkChatDraft('   \n ', 0)).toEqual({ ok: false, reason: 'empty' });
  });

  it('accepts exactly the maximum length and refuses one character more', () => {
    expect(checkChatDraft('x'.repeat(CHAT_MESSAGE_MAX_LENGTH), 0).ok).toBe(true);
    expect(checkChatDraft('x'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1), 0)).toEqual({ ok: false, reason: 'tooLong' });
  });

  it('refuses a line once the chat holds as many as the server takes', () => {
    expect(checkChatDraft('hi', ROOM_LIMITS.chatMaxMessages - 1).ok).toBe(true);
    expect(checkChatDraft('hi', ROOM_LIMITS.chatMaxMessages)).toEqual({ ok: false, reason: 'full' });
  });
});

describe('encodeChatMessage', () => {
  it('encodes the chat message type, then the text', () => {
    const decoder = decoding.createDecoder(encodeChatMessage('<img src=x onerror=alert(1)>'));
    expect(decoding.readVarUint(decoder)).toBe(ROOM_CHAT_MESSAGE_TYPE);
    expect(decoding.readVarString(decoder)).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('readChatMessages', () => {
  it('reads messages in order from a shared array and drops entries that break the contract', () => {
    const doc = new Y.Doc();
    const chat = doc.getArray<unknown>('chat');
    chat.push([message('a', 'first'), { id: 'x', text: 42 }, 'junk', message('b', 'second')]);
    expect(readChatMessages(chat.toArray()).map((line) => line.text)).toEqual(['first', 'second']);
  });
});
