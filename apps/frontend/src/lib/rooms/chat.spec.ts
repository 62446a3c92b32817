import { CHAT_MESSAGE_MAX_LENGTH } from '@peerprep/contracts';
import * as Y from 'yjs';
import { buildChatMessage, randomMessageId, readChatMessages } from './chat';

const author = { id: '0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11', name: 'Ada' };
const now = new Date('2026-11-24T10:15:00.000Z');

describe('buildChatMessage', () => {
  it('builds a contract-valid message with the trimmed text, the author and the time', () => {
    expect(buildChatMessage('  hello there \n', author, now, 'm1')).toEqual({
      ok: true,
      message: { id: 'm1', authorId: author.id, authorName: 'Ada', text: 'hello there', sentAt: '2026-11-24T10:15:00.000Z' },
    });
  });

  it('refuses blank text', () => {
    expect(buildChatMessage('   \n ', author, now)).toEqual({ ok: false, reason: 'empty' });
  });

  it('accepts exactly the maximum length and refuses one character more', () => {
    expect(buildChatMessage('x'.repeat(CHAT_MESSAGE_MAX_LENGTH), author, now).ok).toBe(true);
    expect(buildChatMessage('x'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1), author, now)).toEqual({ ok: false, reason: 'tooLong' });
  });

  it('keeps markup as plain text (rendering never interprets it)', () => {
    const result = buildChatMessage('<img src=x onerror=alert(1)>', author, now, 'm2');
    expect(result.ok && result.message.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('randomMessageId', () => {
  it('gives distinct 32-character hex ids that fit the contract', () => {
    const ids = new Set(Array.from({ length: 100 }, randomMessageId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('readChatMessages', () => {
  it('reads messages in order from a shared array and drops entries that break the contract', () => {
    const doc = new Y.Doc();
    const chat = doc.getArray<unknown>('chat');
    const first = buildChatMessage('first', author, now, 'a');
    const second = buildChatMessage('second', author, new Date(now.getTime() + 1000), 'b');
    if (!first.ok || !second.ok) throw new Error('fixture');
    chat.push([first.message, { id: 'x', text: 42 }, 'junk', second.message]);

    expect(readChatMessages(chat.toArray()).map((message) => message.text)).toEqual(['first', 'second']);
  });
});
