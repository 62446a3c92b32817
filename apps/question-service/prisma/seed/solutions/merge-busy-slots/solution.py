def mergeSlots(slots: list[list[int]]) -> list[list[int]]:
    merged = []
    for start, end in sorted(slots, key=lambda slot: slot[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
