from collections import Counter


def sameLetters(dealt: str, played: str) -> bool:
    return Counter(dealt) == Counter(played)
