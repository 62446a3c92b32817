import { tabKeyTarget } from './tab-keys';

describe('tabKeyTarget', () => {
  it('steps with the arrows and wraps around at both ends', () => {
    expect(tabKeyTarget('ArrowRight', 0, 5)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 4, 5)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 2, 5)).toBe(1);
    expect(tabKeyTarget('ArrowLeft', 0, 5)).toBe(4);
  });

  it('jumps to the ends with Home and End', () => {
    expect(tabKeyTarget('Home', 3, 5)).toBe(0);
    expect(tabKeyTarget('End', 1, 5)).toBe(4);
  });

  it('leaves every other key to the page', () => {
    for (const key of ['Enter', ' ', 'Tab', 'ArrowDown', 'a']) expect(tabKeyTarget(key, 2, 5)).toBeNull();
  });
});
