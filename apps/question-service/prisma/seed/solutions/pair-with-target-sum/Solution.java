import java.util.HashMap;
import java.util.Map;

class Solution {
    public int[] pairWithTargetSum(int[] prices, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int j = 0; j < prices.length; j++) {
            Integer i = seen.get(target - prices[j]);
            if (i != null) return new int[] {i, j};
            seen.putIfAbsent(prices[j], j);
        }
        return new int[0];
    }
}
