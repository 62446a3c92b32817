import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class Solution {
    public int[][] mergeSlots(int[][] slots) {
        int[][] sorted = slots.clone();
        Arrays.sort(sorted, (x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] slot : sorted) {
            if (!merged.isEmpty() && slot[0] <= merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], slot[1]);
            } else {
                merged.add(new int[] {slot[0], slot[1]});
            }
        }
        return merged.toArray(new int[0][]);
    }
}
