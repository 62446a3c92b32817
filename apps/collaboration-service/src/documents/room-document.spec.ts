import * as Y from 'yjs';
import { initialDocumentUpdate, mergeDocumentUpdates, openRoundTwo, readRoomDocument, setWritableRound } from './room-document';

describe('room document', () => {
  it('starts with the language and its starter code', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialDocumentUpdate('cpp', 'int main() {}\n'));

    expect(readRoomDocument(doc)).toEqual({
      code: 'int main() {}\n',
      language: 'cpp',
      chat: [],
      endedBy: null,
      round: null,
      round2: { code: '', language: null },
    });
  });

  it('gives every replica the same first state (no duplicated starter code when two load it)', () => {
    const first = initialDocumentUpdate('python', 'pass\n');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, first);
    Y.applyUpdate(doc, first);

    expect(doc.getText('code').toString()).toBe('pass\n');
  });

  it('reads only valid chat messages and a known language', () => {
    const doc = new Y.Doc();
    const valid = { id: 'm1', authorId: null, authorName: 'Deleted user', text: 'hi', sentAt: '2026-11-24T10:00:00.000Z' };
    doc.getArray('chat').push([valid, { text: 'no author' }, 'a string', { ...valid, id: 'm2', text: ' '.repeat(3) }]);
    doc.getMap('meta').set('language', 'cobol');
    doc.getMap('meta').set('endedBy', 'someone');

    expect(readRoomDocument(doc)).toEqual({
      code: '',
      language: null,
      chat: [valid],
      endedBy: 'someone',
      round: null,
      round2: { code: '', language: null },
    });
  });

  it('merges a snapshot and its log into one state equal to applying them all', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [initialDocumentUpdate('python', 'a')];
    Y.applyUpdate(source, updates[0]);
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('code').insert(1, 'bc');
    source.getText('code').delete(0, 1);

    const merged = new Y.Doc();
    Y.applyUpdate(merged, mergeDocumentUpdates(updates));

    expect(merged.getText('code').toString()).toBe('bc');
  });

  describe('a mock interview', () => {
    it('opens with no round to write in, round one\'s code the room\'s own and round two\'s empty', () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, initialDocumentUpdate('java', 'class A {}\n', { interview: true }));
      expect(readRoomDocument(doc)).toMatchObject({ code: 'class A {}\n', language: 'java', round: 0, round2: { code: '', language: null } });
    });

    it('opens round two with question two\'s starter in round one\'s final language, once', () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, initialDocumentUpdate('java', 'class A {}\n', { interview: true }));
      setWritableRound(doc, 1);
      doc.getMap('meta').set('language', 'cpp');
      const starter = (language: string) => `// two in ${language}\n`;
      openRoundTwo(doc, 'java', starter);
      openRoundTwo(doc, 'java', starter);
      expect(readRoomDocument(doc)).toMatchObject({
        code: 'class A {}\n',
        language: 'cpp',
        round: 2,
        round2: { code: '// two in cpp\n', language: 'cpp' },
      });
    });
  });
});
