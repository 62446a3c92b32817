function pairWithTargetSum(prices: number[], target: number): number[] {
  const seen = new Map<number, number>();
  for (let j = 0; j < prices.length; j++) {
    const i = seen.get(target - prices[j]);
    if (i !== undefined) return [i, j];
    if (!seen.has(prices[j])) seen.set(prices[j], j);
  }
  return [];
}
