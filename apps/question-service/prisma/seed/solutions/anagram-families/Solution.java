import java.util.*;

class Solution {
    public String[][] anagramFamilies(String[] words) {
        Map<String, List<String>> families = new HashMap<>();
        for (String word : words) {
            char[] letters = word.toCharArray();
            Arrays.sort(letters);
            families.computeIfAbsent(new String(letters), key -> new ArrayList<>()).add(word);
        }
        List<List<String>> sorted = new ArrayList<>();
        for (List<String> family : families.values()) {
            Collections.sort(family);
            sorted.add(family);
        }
        sorted.sort((x, y) -> x.get(0).compareTo(y.get(0)));
        String[][] out = new String[sorted.size()][];
        for (int i = 0; i < out.length; i++) out[i] = sorted.get(i).toArray(new String[0]);
        return out;
    }
}
