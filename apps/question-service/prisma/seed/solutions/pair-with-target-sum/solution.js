function pairWithTargetSum(prices, target) {
  const seen = new Map();
  for (let j = 0; j < prices.length; j++) {
    const i = seen.get(target - prices[j]);
    if (i !== undefined) return [i, j];
    if (!seen.has(prices[j])) seen.set(prices[j], j);
  }
  return [];
}
