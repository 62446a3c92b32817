def diagonalSum(grid: list[list[int]]) -> int:
    n = len(grid)
    return sum(grid[i][i] + (grid[i][n - 1 - i] if i != n - 1 - i else 0) for i in range(n))
