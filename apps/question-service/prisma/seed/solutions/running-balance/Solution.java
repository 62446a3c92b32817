class Solution {
    public int[] runningBalance(int opening, int[] transactions) {
        int[] balances = new int[transactions.length];
        int balance = opening;
        for (int i = 0; i < transactions.length; i++) {
            balance += transactions[i];
            balances[i] = balance;
        }
        return balances;
    }
}
