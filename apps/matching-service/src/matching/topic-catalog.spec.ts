import { ValidationError } from '@peerprep/service-kit';
import { checkTopicsAvailable } from './topic-catalog';

const counts = new Map([
  ['arrays', { EASY: 3, MEDIUM: 1, HARD: 0 }],
  ['graphs', { EASY: 0, MEDIUM: 2, HARD: 0 }],
]);

function fieldsOf(run: () => void) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map((f) => f.field);
    throw error;
  }
  return [];
}

describe('checkTopicsAvailable', () => {
  it('accepts topics that each have a question at the difficulty', () => {
    expect(fieldsOf(() => checkTopicsAvailable(counts, 'MEDIUM', ['arrays', 'graphs']))).toEqual([]);
  });

  it('names each topic that is unknown or has no question at the difficulty', () => {
    expect(fieldsOf(() => checkTopicsAvailable(counts, 'EASY', ['arrays', 'graphs', 'nope']))).toEqual(['topics.1', 'topics.2']);
  });

  it('names the difficulty when no topic has a question at it', () => {
    expect(fieldsOf(() => checkTopicsAvailable(counts, 'HARD', ['arrays']))).toEqual(['difficulty']);
  });
});
