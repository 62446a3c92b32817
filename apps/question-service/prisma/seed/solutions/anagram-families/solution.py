def anagramFamilies(words: list[str]) -> list[list[str]]:
    families = {}
    for word in words:
        families.setdefault("".join(sorted(word)), []).append(word)
    return sorted((sorted(family) for family in families.values()), key=lambda family: family[0])
