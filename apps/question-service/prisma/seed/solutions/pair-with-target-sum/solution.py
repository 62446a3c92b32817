def pairWithTargetSum(prices: list[int], target: int) -> list[int]:
    seen = {}
    for j, price in enumerate(prices):
        if target - price in seen:
            return [seen[target - price], j]
        seen.setdefault(price, j)
    return []
