#include <algorithm>
#include <vector>
using namespace std;

class Solution {
public:
    vector<vector<int>> mergeSlots(vector<vector<int>> slots) {
        stable_sort(slots.begin(), slots.end(), [](const vector<int>& x, const vector<int>& y) { return x[0] < y[0]; });
        vector<vector<int>> merged;
        for (const auto& slot : slots) {
            if (!merged.empty() && slot[0] <= merged.back()[1]) merged.back()[1] = max(merged.back()[1], slot[1]);
            else merged.push_back({slot[0], slot[1]});
        }
        return merged;
    }
};
