function combinedMedian(a: number[], b: number[]): number {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) merged.push(a[i++]);
    else merged.push(b[j++]);
  }
  const n = merged.length;
  return n % 2 === 1 ? merged[(n - 1) / 2] : (merged[n / 2 - 1] + merged[n / 2]) / 2;
}
