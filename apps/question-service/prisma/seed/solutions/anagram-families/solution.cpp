#include <algorithm>
#include <map>
#include <string>
#include <vector>
using namespace std;

class Solution {
public:
    vector<vector<string>> anagramFamilies(vector<string> words) {
        map<string, vector<string>> families;
        for (const string& word : words) {
            string key = word;
            sort(key.begin(), key.end());
            families[key].push_back(word);
        }
        vector<vector<string>> out;
        for (auto& entry : families) {
            sort(entry.second.begin(), entry.second.end());
            out.push_back(entry.second);
        }
        sort(out.begin(), out.end(), [](const vector<string>& x, const vector<string>& y) { return x[0] < y[0]; });
        return out;
    }
};
