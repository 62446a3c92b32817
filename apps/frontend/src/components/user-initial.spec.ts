import { initialOf } from './user-initial';

describe('initialOf', () => {
  it('upper-cases the first letter of the name', () => {
    expect(initialOf('ann lee')).toBe('A');
  });

  it('keeps a character outside the basic plane whole', () => {
    expect(initialOf('😀 smiley')).toBe('😀');
  });

  it('shows a question mark for a blank name', () => {
    expect(initialOf('   ')).toBe('?');
  });
});
