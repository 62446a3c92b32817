/*
 * Lighthouse's mobile preset slows the CPU down 4×: a factor tuned so that a
 * desktop-class machine (benchmark index ≈ 1,500) plays a mid-range phone. On
 * a slower machine the same 4× plays a much slower phone, and Lighthouse says
 * so itself (its "slower CPU than Lighthouse expects" warning below an index
 * of 1,000). Its throttling guide asks to calibrate the multiplier to the
 * machine instead; this is the formula of Lighthouse's own CPU throttling
 * calculator (github.com/GoogleChrome/lighthouse docs/throttling.md,
 * "Calibrating multipliers"), so a calibrated run plays the same phone on any
 * machine.
 */

/** The default mobile slowdown, for a machine Lighthouse considers typical. */
export const DEFAULT_CPU_SLOWDOWN = 4;

/** Below this index Lighthouse's calculator cannot emulate its target phone at all. */
export const SLOWEST_CALIBRATABLE_INDEX = 150;

/**
 * The `cpuSlowdownMultiplier` that makes a machine of this benchmark index
 * play Lighthouse's target phone: 1,533 → 4×, 1,300 → 3×, 800 → 2×, 150 → 1×,
 * linear in between (Lighthouse's calculator, piece by piece).
 */
export function calibratedCpuSlowdown(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < SLOWEST_CALIBRATABLE_INDEX) {
    throw new Error(`a benchmark index of ${benchmarkIndex} is too slow to emulate Lighthouse's target phone`);
  }
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return 1 + (benchmarkIndex - 150) / 650;
}
