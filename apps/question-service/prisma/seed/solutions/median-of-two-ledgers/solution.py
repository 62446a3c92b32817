def combinedMedian(a: list[int], b: list[int]) -> float:
    merged = sorted(a + b)
    n = len(merged)
    if n % 2 == 1:
        return float(merged[n // 2])
    return (merged[n // 2 - 1] + merged[n // 2]) / 2
