#include <string>
#include <vector>
using namespace std;

class Solution {
public:
    bool isBalanced(string code) {
        vector<char> open;
        for (char c : code) {
            if (c == ')' || c == ']' || c == '}') {
                char want = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.empty() || open.back() != want) return false;
                open.pop_back();
            } else {
                open.push_back(c);
            }
        }
        return open.empty();
    }
};
