import { calibratedCpuSlowdown, DEFAULT_CPU_SLOWDOWN } from './calibration';

describe('calibratedCpuSlowdown (Lighthouse CPU throttling calculator)', () => {
  it.each([
    [2000, 6],
    [1533, 4],
    [1300, 3],
    [1050, 2.5],
    [800, 2],
    [475, 1.5],
    [150, 1],
  ])('an index of %i plays the target phone at %f×', (index, multiplier) => {
    expect(calibratedCpuSlowdown(index)).toBeCloseTo(multiplier, 2);
  });

  it('gives the default 4× only to a machine Lighthouse considers typical', () => {
    expect(calibratedCpuSlowdown(1533)).toBeCloseTo(DEFAULT_CPU_SLOWDOWN, 1);
    expect(calibratedCpuSlowdown(900)).toBeLessThan(DEFAULT_CPU_SLOWDOWN);
  });

  it('grows with the machine, with no jump where the pieces meet', () => {
    for (const edge of [800, 1300]) {
      expect(calibratedCpuSlowdown(edge) - calibratedCpuSlowdown(edge - 0.001)).toBeLessThan(0.001);
    }
    expect(calibratedCpuSlowdown(801)).toBeGreaterThan(calibratedCpuSlowdown(799));
  });

  it('refuses a machine too slow to emulate the phone, or no index at all', () => {
    expect(() => calibratedCpuSlowdown(149)).toThrow(/too slow/);
    expect(() => calibratedCpuSlowdown(Number.NaN)).toThrow(/too slow/);
  });
});
