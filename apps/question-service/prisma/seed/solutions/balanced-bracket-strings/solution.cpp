#include <string>
#include <vector>
using namespace std;

class Solution {
public:
    vector<string> balancedStrings(int n) {
        vector<string> results;
        build(n, "", 0, 0, results);
        return results;
    }

private:
    void build(int n, const string& prefix, int open, int close, vector<string>& results) {
        if ((int)prefix.size() == 2 * n) {
            results.push_back(prefix);
            return;
        }
        if (open < n) build(n, prefix + "(", open + 1, close, results);
        if (close < open) build(n, prefix + ")", open, close + 1, results);
    }
};
