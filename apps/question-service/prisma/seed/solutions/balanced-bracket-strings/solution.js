function balancedStrings(n) {
  const results = [];
  const build = (prefix, open, close) => {
    if (prefix.length === 2 * n) {
      results.push(prefix);
      return;
    }
    if (open < n) build(prefix + '(', open + 1, close);
    if (close < open) build(prefix + ')', open, close + 1);
  };
  build('', 0, 0);
  return results;
}
