/** A positive whole number from the environment, else `fallback`. */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A comma-separated list of positive whole numbers from the environment, else `fallback`. */
export function envIntList(name: string, fallback: number[]): number[] {
  const values = (process.env[name] ?? '')
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((value) => Number.isInteger(value) && value > 0);
  return values.length > 0 ? values : fallback;
}

/** Progress lines go to stderr, so stdout carries only the result table. */
export function progress(bench: string): (msg: string) => void {
  return (msg) => process.stderr.write(`[${bench}] ${msg}\n`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
