import java.util.ArrayDeque;
import java.util.Deque;

class Solution {
    public boolean isBalanced(String code) {
        Deque<Character> open = new ArrayDeque<>();
        for (char c : code.toCharArray()) {
            if (c == ')' || c == ']' || c == '}') {
                char want = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.pop() != want) return false;
            } else {
                open.push(c);
            }
        }
        return open.isEmpty();
    }
}
