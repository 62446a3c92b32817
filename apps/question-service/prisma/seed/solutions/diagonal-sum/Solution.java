class Solution {
    public int diagonalSum(int[][] grid) {
        int n = grid.length;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += grid[i][i];
            if (i != n - 1 - i) sum += grid[i][n - 1 - i];
        }
        return sum;
    }
}
