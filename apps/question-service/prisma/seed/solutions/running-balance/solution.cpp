#include <vector>
using namespace std;

class Solution {
public:
    vector<int> runningBalance(int opening, vector<int> transactions) {
        vector<int> balances;
        int balance = opening;
        for (int amount : transactions) balances.push_back(balance += amount);
        return balances;
    }
};
