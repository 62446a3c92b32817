class Solution {
    public double combinedMedian(int[] a, int[] b) {
        int[] merged = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] <= b[j])) merged[k++] = a[i++];
            else merged[k++] = b[j++];
        }
        int n = merged.length;
        if (n % 2 == 1) return merged[n / 2];
        return ((long) merged[n / 2 - 1] + merged[n / 2]) / 2.0;
    }
}
