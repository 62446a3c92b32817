#include <algorithm>
#include <map>
#include <string>
#include <vector>
using namespace std;

class Solution {
public:
    vector<string> trendingWords(vector<string> words, int k) {
        map<string, int> counts;
        for (const string& word : words) counts[word]++;
        vector<string> keys;
        for (const auto& entry : counts) keys.push_back(entry.first);
        sort(keys.begin(), keys.end(), [&](const string& a, const string& b) {
            return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
        });
        if ((int)keys.size() > k) keys.resize(k);
        return keys;
    }
};
