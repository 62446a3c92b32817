import java.util.Arrays;

class Solution {
    public boolean sameLetters(String dealt, String played) {
        int[] a = dealt.codePoints().sorted().toArray();
        int[] b = played.codePoints().sorted().toArray();
        return Arrays.equals(a, b);
    }
}
