class Solution {
    public int unpairedSock(int[] socks) {
        int result = 0;
        for (int sock : socks) result ^= sock;
        return result;
    }
}
