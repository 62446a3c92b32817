import { nextHintToRelease, notesStatusText } from './interviewer-pane';

describe('nextHintToRelease', () => {
  it('is the first hint not yet released, in order', () => {
    const hints = [
      { index: 1, released: false },
      { index: 0, released: true },
      { index: 2, released: false },
    ];
    expect(nextHintToRelease(hints, new Set())).toBe(1);
  });

  it('counts releases the room heard after the pane loaded', () => {
    const hints = [
      { index: 0, released: false },
      { index: 1, released: false },
    ];
    expect(nextHintToRelease(hints, new Set([0]))).toBe(1);
    expect(nextHintToRelease(hints, new Set([0, 1]))).toBeNull();
  });

  it('is null for a question without hints', () => {
    expect(nextHintToRelease([], new Set())).toBeNull();
  });
});

describe('notesStatusText', () => {
  it('says whether the notes are saved', () => {
    expect(notesStatusText('saving')).toBe('Saving…');
    expect(notesStatusText('saved')).toBe('Saved');
    expect(notesStatusText('failed')).toMatch(/^Not saved/);
  });
});
