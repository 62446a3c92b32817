#include <vector>
using namespace std;

class Solution {
public:
    int unpairedSock(vector<int> socks) {
        int result = 0;
        for (int sock : socks) result ^= sock;
        return result;
    }
};
