import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { messageAuth, messageAwareness, messageQueryAwareness, messageSync } from 'y-websocket';
import * as Y from 'yjs';
import {
  editorMessages,
  encodeAwarenessMessage,
  encodeAwarenessStates,
  encodeCallSignalMessage,
  encodeHintMessage,
  encodeRunMessage,
  encodeSyncStep1,
  encodeSyncUpdate,
} from './messages';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('code').insert(0, text);
  return doc;
}

describe('editor messages', () => {
  it('number every message as the official y-websocket client does', () => {
    expect(editorMessages.sync.type).toBe(messageSync);
    expect(editorMessages.awareness.type).toBe(messageAwareness);
    expect(editorMessages.auth.type).toBe(messageAuth);
    expect(editorMessages.queryAwareness.type).toBe(messageQueryAwareness);
  });

  it('say which messages a client may send and which only the server may', () => {
    const from = (sender: string) => Object.entries(editorMessages).filter(([, message]) => message.from === sender).map(([name]) => name);
    expect(from('server')).toEqual(['auth', 'run', 'interview', 'hint']);
    expect(from('client')).toEqual(['queryAwareness', 'chat']);
    // A call signal: a client sends it, the server sends it on (stamped) to the other participant.
    expect(from('both')).toEqual(['sync', 'awareness', 'callSignal']);
    // No two messages share a number.
    expect(new Set(Object.values(editorMessages).map((message) => message.type)).size).toBe(Object.keys(editorMessages).length);
  });

  it('encode a run as its own message, a type no y-websocket message uses, carrying the JSON', () => {
    const decoder = decoding.createDecoder(encodeRunMessage('{"id":"r1"}'));
    expect(decoding.readVarUint(decoder)).toBe(100);
    expect(JSON.parse(decoding.readVarString(decoder))).toEqual({ id: 'r1' });
    expect([messageSync, messageAwareness, messageAuth, messageQueryAwareness]).not.toContain(100);
  });

  it('encode a stamped call signal as message 102, carrying the envelope\'s JSON', () => {
    const decoder = decoding.createDecoder(encodeCallSignalMessage('{"from":"a","signal":{"kind":"join"}}'));
    expect(decoding.readVarUint(decoder)).toBe(102);
    expect(JSON.parse(decoding.readVarString(decoder))).toEqual({ from: 'a', signal: { kind: 'join' } });
  });

  it('encode a released hint as message 104, carrying the ReleasedHint\'s JSON', () => {
    const decoder = decoding.createDecoder(encodeHintMessage('{"round":1,"index":0,"text":"Try a map"}'));
    expect(decoding.readVarUint(decoder)).toBe(104);
    expect(JSON.parse(decoding.readVarString(decoder))).toEqual({ round: 1, index: 0, text: 'Try a map' });
  });

  it('encode sync step 1 as the state vector the client answers', () => {
    const doc = docWith('hello');
    const decoder = decoding.createDecoder(encodeSyncStep1(doc));

    expect(decoding.readVarUint(decoder)).toBe(editorMessages.sync.type);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1);
    expect(decoding.readVarUint8Array(decoder)).toEqual(Y.encodeStateVector(doc));
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('encode a document update that a client applies as is', () => {
    const source = docWith('def solve():\n');
    const update = Y.encodeStateAsUpdate(source);
    const decoder = decoding.createDecoder(encodeSyncUpdate(update));

    expect(decoding.readVarUint(decoder)).toBe(editorMessages.sync.type);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
    const received = decoding.readVarUint8Array(decoder);
    expect(received).toEqual(update);
    const client = new Y.Doc();
    Y.applyUpdate(client, received);
    expect(client.getText('code').toString()).toBe('def solve():\n');
  });

  it('encode awareness updates and states that another awareness applies', () => {
    const source = new awarenessProtocol.Awareness(new Y.Doc());
    source.setLocalStateField('user', { name: 'Alice' });
    const target = new awarenessProtocol.Awareness(new Y.Doc());

    for (const message of [
      encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(source, [source.clientID])),
      encodeAwarenessStates(source, [source.clientID]),
    ]) {
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(editorMessages.awareness.type);
      awarenessProtocol.applyAwarenessUpdate(target, decoding.readVarUint8Array(decoder), 'test');
      expect(target.getStates().get(source.clientID)).toEqual({ user: { name: 'Alice' } });
    }
    source.destroy();
    target.destroy();
  });
});
