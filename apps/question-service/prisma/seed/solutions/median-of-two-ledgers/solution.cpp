#include <algorithm>
#include <vector>
using namespace std;

class Solution {
public:
    double combinedMedian(vector<int> a, vector<int> b) {
        vector<long long> merged(a.begin(), a.end());
        merged.insert(merged.end(), b.begin(), b.end());
        sort(merged.begin(), merged.end());
        size_t n = merged.size();
        if (n % 2 == 1) return (double)merged[n / 2];
        return (merged[n / 2 - 1] + merged[n / 2]) / 2.0;
    }
};
