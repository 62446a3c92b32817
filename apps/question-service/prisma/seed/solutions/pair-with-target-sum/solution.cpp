#include <string>
#include <unordered_map>
#include <vector>
using namespace std;

class Solution {
public:
    vector<int> pairWithTargetSum(vector<int> prices, int target) {
        unordered_map<long long, int> seen;
        for (int j = 0; j < (int)prices.size(); j++) {
            auto it = seen.find((long long)target - prices[j]);
            if (it != seen.end()) return {it->second, j};
            seen.emplace(prices[j], j);
        }
        return {};
    }
};
