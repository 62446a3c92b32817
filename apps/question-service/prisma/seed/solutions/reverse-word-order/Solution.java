import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class Solution {
    public String reverseWordOrder(String line) {
        List<String> words = new ArrayList<>();
        for (String word : line.split(" ")) if (!word.isEmpty()) words.add(word);
        Collections.reverse(words);
        return String.join(" ", words);
    }
}
