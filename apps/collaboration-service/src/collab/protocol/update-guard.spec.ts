import { COLLAB_CLOSE_CODES, roomDocument } from '@peerprep/contracts';
import * as Y from 'yjs';
import { checkClientUpdate, type DocumentLimits } from './update-guard';

const limits: DocumentLimits = { codeMaxLength: 100, documentMaxBytes: 10_000 };

/** The room's document as the server holds it: code, language, one chat line and, when ended, endedBy. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'python');
    doc.getText(roomDocument.code).insert(0, 'def solve():\n');
    doc.getArray(roomDocument.chat).push([{ id: 'm1', authorId: null, authorName: 'Bob', text: 'hi', sentAt: '2026-12-05T01:00:00.000Z' }]);
  });
  return doc;
}

/** A client synced with `server`. */
function clientOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

/** What `change` on a synced client sends the server (as sync step 2 would: everything the server lacks). */
function updateFrom(server: Y.Doc, change: (client: Y.Doc) => void): Uint8Array {
  const client = clientOf(server);
  change(client);
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

const check = (server: Y.Doc, update: Uint8Array, bytes = 0) => checkClientUpdate(server, update, bytes, limits);
const refused = (reason: RegExp) => ({ ok: false, code: COLLAB_CLOSE_CODES.writeRefused, reason: expect.stringMatching(reason) });
const tooLarge = (reason: RegExp) => ({ ok: false, code: COLLAB_CLOSE_CODES.documentTooLarge, reason: expect.stringMatching(reason) });

describe('checkClientUpdate: what a client may write into a room document', () => {
  it('takes code edits typed one key at a time, deletions, and a language switch with new starter code', () => {
    const server = serverDoc();
    const update = updateFrom(server, (client) => {
      const code = client.getText(roomDocument.code);
      for (const key of '  return 42\n') code.insert(code.length, key);
      code.delete(0, 4);
      client.transact(() => {
        client.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'java');
        client.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'cpp');
      });
    });
    expect(check(server, update)).toEqual({ ok: true });
    Y.applyUpdate(server, update);
    expect(server.getText(roomDocument.code).toString()).toBe('solve():\n  return 42\n');

    // A second switch replaces (deletes) the language the first one wrote.
    expect(check(server, updateFrom(server, (client) => client.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'python')))).toEqual({ ok: true });
  });

  it('refuses meta.endedBy: the fake end, set, overwritten or removed', () => {
    const server = serverDoc();
    const fakeEnd = (client: Y.Doc) => client.getMap(roomDocument.meta).set(roomDocument.metaKeys.endedBy, 'someone');
    expect(check(server, updateFrom(server, fakeEnd))).toEqual(refused(/meta\.endedBy is written by the server only/));

    server.getMap(roomDocument.meta).set(roomDocument.metaKeys.endedBy, 'bob');
    expect(check(server, updateFrom(server, fakeEnd))).toEqual(refused(/meta\.endedBy/));
    expect(check(server, updateFrom(server, (client) => client.getMap(roomDocument.meta).delete(roomDocument.metaKeys.endedBy)))).toEqual(
      refused(/meta\.endedBy is written by the server only/),
    );
  });

  it('refuses a language that is not one, and any other meta key', () => {
    const server = serverDoc();
    expect(check(server, updateFrom(server, (client) => client.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'cobol')))).toEqual(
      refused(/language must be a language/),
    );
    expect(check(server, updateFrom(server, (client) => client.getMap(roomDocument.meta).set('role', 'interviewer')))).toEqual(refused(/meta\.role/));
  });

  it('refuses any write to the chat: a forged line, and removing one', () => {
    const server = serverDoc();
    const forged = { id: 'f1', authorId: 'bob', authorName: 'Bob', text: 'I give up', sentAt: '2026-12-05T01:00:00.000Z' };
    expect(check(server, updateFrom(server, (client) => client.getArray(roomDocument.chat).push([forged])))).toEqual(refused(/chat is written by the server/));
    expect(check(server, updateFrom(server, (client) => client.getArray(roomDocument.chat).delete(0, 1)))).toEqual(refused(/chat lines are removed by nobody/));
  });

  it('refuses other shared types, nested types, and non-text in the code', () => {
    const server = serverDoc();
    expect(check(server, updateFrom(server, (client) => client.getMap('junk').set('x', 'y'.repeat(1000))))).toEqual(refused(/no shared type "junk"/));
    expect(check(server, updateFrom(server, (client) => client.getText(roomDocument.code).insertEmbed(0, { image: 'x' })))).toEqual(refused(/code holds text only/));
    expect(check(server, updateFrom(server, (client) => client.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, new Y.Map())))).toEqual(
      refused(/language must be a language/),
    );
    // Something inside that nested map: its parent is an item, not a root.
    const client = clientOf(server);
    const nested = new Y.Map<string>();
    client.getMap(roomDocument.meta).set('nested', nested);
    // (Written past the guard, as if by an older server.)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    nested.set('deep', 'value');
    expect(check(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toEqual(refused(/no nested types/));
  });

  it('refuses an update that hangs off changes the server does not hold', () => {
    const server = serverDoc();
    const client = clientOf(server);
    client.getText(roomDocument.code).insert(0, 'a');
    const first = Y.encodeStateVector(client);
    client.getText(roomDocument.code).insert(1, 'b');
    // Only the second keystroke: its origin, the first, never reached the server.
    expect(check(server, Y.encodeStateAsUpdate(client, first))).toEqual(refused(/does not hold/));
  });

  it(`refuses code past the limit, counting what the same update deletes`, () => {
    const server = serverDoc();
    expect(check(server, updateFrom(server, (client) => client.getText(roomDocument.code).insert(0, 'x'.repeat(100))))).toEqual(
      tooLarge(/at most 100 characters/),
    );
    // Replacing everything with 100 characters is fine.
    const replaceAll = updateFrom(server, (client) => {
      const code = client.getText(roomDocument.code);
      code.delete(0, code.length);
      code.insert(0, 'y'.repeat(100));
    });
    expect(check(server, replaceAll)).toEqual({ ok: true });
  });

  it('refuses growing a document past its bytes, and still takes deletions', () => {
    const server = serverDoc();
    expect(check(server, updateFrom(server, (client) => client.getText(roomDocument.code).insert(0, 'x')), 9_990)).toEqual(tooLarge(/document reached/));
    expect(check(server, updateFrom(server, (client) => client.getText(roomDocument.code).delete(0, 4)), 9_990)).toEqual({ ok: true });
  });

  it('skips what the server already holds (a resent update)', () => {
    const server = serverDoc();
    const client = clientOf(server);
    client.getText(roomDocument.code).insert(0, 'x');
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    Y.applyUpdate(server, update);
    expect(check(server, update, 9_999)).toEqual({ ok: true });
  });

  describe('in a mock interview (meta.round)', () => {
    /** An interview room's document with `round` the one clients may write, round two's editor open once round two started. */
    function interviewDoc(round: 0 | 1 | 2): Y.Doc {
      const doc = serverDoc();
      doc.transact(() => {
        const meta = doc.getMap(roomDocument.meta);
        meta.set(roomDocument.metaKeys.round, round);
        if (round === 2) {
          meta.set(roomDocument.metaKeys.round2Language, 'java');
          doc.getText(roomDocument.round2Code).insert(0, 'class Solution {}\n');
        }
      });
      return doc;
    }
    const refusedWith = (verdict: ReturnType<typeof checkClientUpdate>) => (verdict.ok ? 'taken' : verdict.code);

    it('takes round one\'s code and language during round one, and refuses round two\'s', () => {
      const doc = interviewDoc(1);
      const take = (change: (client: Y.Doc) => void) => refusedWith(checkClientUpdate(doc, updateFrom(doc, change), 0, limits));
      expect(take((c) => c.getText(roomDocument.code).insert(0, '# one\n'))).toBe('taken');
      expect(take((c) => c.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'java'))).toBe('taken');
      expect(take((c) => c.getText(roomDocument.round2Code).insert(0, 'peek'))).toBe(COLLAB_CLOSE_CODES.writeRefused);
      expect(take((c) => c.getMap(roomDocument.meta).set(roomDocument.metaKeys.round2Language, 'cpp'))).toBe(COLLAB_CLOSE_CODES.writeRefused);
    });

    it('refuses round one\'s code (insert or delete) and language once round two runs, and takes round two\'s', () => {
      const doc = interviewDoc(2);
      const take = (change: (client: Y.Doc) => void) => refusedWith(checkClientUpdate(doc, updateFrom(doc, change), 0, limits));
      expect(take((c) => c.getText(roomDocument.code).insert(0, 'late'))).toBe(COLLAB_CLOSE_CODES.writeRefused);
      expect(take((c) => c.getText(roomDocument.code).delete(0, 3))).toBe(COLLAB_CLOSE_CODES.writeRefused);
      expect(take((c) => c.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'cpp'))).toBe(COLLAB_CLOSE_CODES.writeRefused);
      expect(take((c) => c.getText(roomDocument.round2Code).insert(0, '// two\n'))).toBe('taken');
      expect(take((c) => c.getText(roomDocument.round2Code).delete(0, 5))).toBe('taken');
      expect(take((c) => c.getMap(roomDocument.meta).set(roomDocument.metaKeys.round2Language, 'cpp'))).toBe('taken');
      expect(take((c) => c.getMap(roomDocument.meta).set(roomDocument.metaKeys.round2Language, 'cobol'))).toBe(COLLAB_CLOSE_CODES.writeRefused);
    });

    it('refuses every round\'s code before round one and after the interview (round 0), and meta.round itself always', () => {
      const doc = interviewDoc(0);
      const take = (change: (client: Y.Doc) => void) => refusedWith(checkClientUpdate(doc, updateFrom(doc, change), 0, limits));
      expect(take((c) => c.getText(roomDocument.code).insert(0, 'early'))).toBe(COLLAB_CLOSE_CODES.writeRefused);
      expect(take((c) => c.getText(roomDocument.round2Code).insert(0, 'early'))).toBe(COLLAB_CLOSE_CODES.writeRefused);
      expect(take((c) => c.getMap(roomDocument.meta).set(roomDocument.metaKeys.round, 1))).toBe(COLLAB_CLOSE_CODES.writeRefused);
    });

    it('bounds round two\'s code on its own', () => {
      const doc = interviewDoc(2);
      const long = 'x'.repeat(limits.codeMaxLength);
      expect(refusedWith(checkClientUpdate(doc, updateFrom(doc, (c) => c.getText(roomDocument.round2Code).insert(0, long)), 0, limits))).toBe(
        COLLAB_CLOSE_CODES.documentTooLarge,
      );
    });

    it('has no round two in a pair room', () => {
      const doc = serverDoc();
      expect(refusedWith(checkClientUpdate(doc, updateFrom(doc, (c) => c.getText(roomDocument.round2Code).insert(0, 'x')), 0, limits))).toBe(
        COLLAB_CLOSE_CODES.writeRefused,
      );
      expect(refusedWith(checkClientUpdate(doc, updateFrom(doc, (c) => c.getText(roomDocument.code).insert(0, 'x')), 0, limits))).toBe('taken');
    });
  });
});
