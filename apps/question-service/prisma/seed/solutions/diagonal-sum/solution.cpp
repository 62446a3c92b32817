#include <vector>
using namespace std;

class Solution {
public:
    int diagonalSum(vector<vector<int>> grid) {
        int n = grid.size();
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += grid[i][i];
            if (i != n - 1 - i) sum += grid[i][n - 1 - i];
        }
        return sum;
    }
};
