import type { StarterCode } from '@peerprep/contracts';
import * as Y from 'yjs';
import { isEditorUntouched, readDocumentRound, readEndedBy, readLanguage, roomDocumentParts, switchLanguage } from './room-document';

const starterCode: StarterCode = {
  javascript: 'function twoSum(nums, target) {\n}\n',
  typescript: 'function twoSum(nums: number[], target: number): number[] {\n}\n',
  python: 'def two_sum(nums, target):\n    pass\n',
  java: 'class Solution {\n}\n',
  cpp: 'class Solution {\n};\n',
};

/** A document as the server seeds it: the room's language and its starter code. */
function seededDoc(language: 'python' | 'javascript' = 'python'): Y.Doc {
  const doc = new Y.Doc();
  const { code, meta } = roomDocumentParts(doc);
  doc.transact(() => {
    meta.set('language', language);
    code.insert(0, starterCode[language]);
  });
  return doc;
}

describe('isEditorUntouched', () => {
  it('is true for empty or blank code', () => {
    expect(isEditorUntouched('', starterCode, 'python')).toBe(true);
    expect(isEditorUntouched('  \n\t', starterCode, null)).toBe(true);
  });

  it("is true for the current language's starter code, whatever whitespace surrounds it", () => {
    expect(isEditorUntouched(starterCode.python, starterCode, 'python')).toBe(true);
    expect(isEditorUntouched(`\n\n${starterCode.python.trim()}   `, starterCode, 'python')).toBe(true);
  });

  it("is false once the code differs, or when it is another language's starter code", () => {
    expect(isEditorUntouched(`${starterCode.python}    return []\n`, starterCode, 'python')).toBe(false);
    expect(isEditorUntouched(starterCode.java, starterCode, 'python')).toBe(false);
    expect(isEditorUntouched(starterCode.python, starterCode, null)).toBe(false);
  });
});

describe('switchLanguage', () => {
  it('replaces untouched starter code with the new language’s in one transaction', () => {
    const doc = seededDoc('python');
    const transactions: number[] = [];
    doc.on('afterTransaction', () => transactions.push(1));

    expect(switchLanguage(doc, 'java', starterCode)).toEqual({ changed: true, codeReplaced: true });

    const { code, meta } = roomDocumentParts(doc);
    expect(readLanguage(meta)).toBe('java');
    expect(code.toString()).toBe(starterCode.java);
    expect(transactions).toHaveLength(1);
  });

  it('keeps code someone has written and only changes the language', () => {
    const doc = seededDoc('python');
    const { code, meta } = roomDocumentParts(doc);
    code.insert(code.length, '    return [0, 1]\n');
    const written = code.toString();

    expect(switchLanguage(doc, 'cpp', starterCode)).toEqual({ changed: true, codeReplaced: false });
    expect(readLanguage(meta)).toBe('cpp');
    expect(code.toString()).toBe(written);
  });

  it('fills an empty editor with the new starter code', () => {
    const doc = seededDoc('python');
    const { code } = roomDocumentParts(doc);
    code.delete(0, code.length);
    switchLanguage(doc, 'typescript', starterCode);
    expect(code.toString()).toBe(starterCode.typescript);
  });

  it('does nothing when the language is already the chosen one', () => {
    const doc = seededDoc('javascript');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(switchLanguage(doc, 'javascript', starterCode)).toEqual({ changed: false, codeReplaced: false });
    expect(updates).toHaveLength(0);
  });

  it('reaches the peer as one update that carries both the language and the code', () => {
    const mine = seededDoc('python');
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    const updates: Uint8Array[] = [];
    mine.on('update', (update: Uint8Array) => updates.push(update));

    switchLanguage(mine, 'java', starterCode);

    expect(updates).toHaveLength(1);
    Y.applyUpdate(theirs, updates[0]);
    expect(readLanguage(roomDocumentParts(theirs).meta)).toBe('java');
    expect(roomDocumentParts(theirs).code.toString()).toBe(starterCode.java);
  });
});

describe('readLanguage and readEndedBy', () => {
  it('ignore values that are missing or not of the contract', () => {
    const doc = new Y.Doc();
    const { meta } = roomDocumentParts(doc);
    expect(readLanguage(meta)).toBeNull();
    expect(readEndedBy(meta)).toBeNull();
    meta.set('language', 'cobol');
    meta.set('endedBy', 42);
    expect(readLanguage(meta)).toBeNull();
    expect(readEndedBy(meta)).toBeNull();
    meta.set('endedBy', '0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11');
    expect(readEndedBy(meta)).toBe('0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11');
  });
});

describe('a mock interview document', () => {
  it("reads meta.round (null in a pair room, which has none) and round two's language", () => {
    const doc = seededDoc();
    const { meta } = roomDocumentParts(doc);
    expect(readDocumentRound(meta)).toBeNull();
    meta.set('round', 0);
    expect(readDocumentRound(meta)).toBe(0);
    meta.set('round', 2);
    meta.set('round2Language', 'java');
    expect(readDocumentRound(meta)).toBe(2);
    expect(readLanguage(meta, 'round2Language')).toBe('java');
    meta.set('round', 7);
    expect(readDocumentRound(meta)).toBeNull();
  });

  it("switches round two's language and untouched starter code, leaving round one's alone", () => {
    const doc = seededDoc('python');
    const { meta, code, round2Code } = roomDocumentParts(doc);
    doc.transact(() => {
      meta.set('round2Language', 'python');
      round2Code.insert(0, starterCode.python);
    });
    expect(switchLanguage(doc, 'java', starterCode, 2)).toEqual({ changed: true, codeReplaced: true });
    expect(round2Code.toString()).toBe(starterCode.java);
    expect(readLanguage(meta, 'round2Language')).toBe('java');
    expect(readLanguage(meta)).toBe('python');
    expect(code.toString()).toBe(starterCode.python);
  });
});
