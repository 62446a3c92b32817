#include <algorithm>
#include <string>
using namespace std;

class Solution {
public:
    bool sameLetters(string dealt, string played) {
        sort(dealt.begin(), dealt.end());
        sort(played.begin(), played.end());
        return dealt == played;
    }
};
