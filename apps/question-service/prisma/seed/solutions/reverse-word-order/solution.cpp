#include <sstream>
#include <string>
#include <vector>
using namespace std;

class Solution {
public:
    string reverseWordOrder(string line) {
        istringstream in(line);
        vector<string> words;
        string word;
        while (in >> word) words.push_back(word);
        string out;
        for (auto it = words.rbegin(); it != words.rend(); ++it) {
            if (!out.empty()) out += ' ';
            out += *it;
        }
        return out;
    }
};
