function diagonalSum(grid) {
  const n = grid.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += grid[i][i];
    if (i !== n - 1 - i) sum += grid[i][n - 1 - i];
  }
  return sum;
}
