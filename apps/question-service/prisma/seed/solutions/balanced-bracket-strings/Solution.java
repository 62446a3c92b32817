import java.util.ArrayList;
import java.util.List;

class Solution {
    public String[] balancedStrings(int n) {
        List<String> results = new ArrayList<>();
        build(n, "", 0, 0, results);
        return results.toArray(new String[0]);
    }

    private void build(int n, String prefix, int open, int close, List<String> results) {
        if (prefix.length() == 2 * n) {
            results.add(prefix);
            return;
        }
        if (open < n) build(n, prefix + "(", open + 1, close, results);
        if (close < open) build(n, prefix + ")", open, close + 1, results);
    }
}
