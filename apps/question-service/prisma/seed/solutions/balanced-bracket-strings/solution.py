def balancedStrings(n: int) -> list[str]:
    results = []

    def build(prefix, opened, closed):
        if len(prefix) == 2 * n:
            results.append(prefix)
            return
        if opened < n:
            build(prefix + "(", opened + 1, closed)
        if closed < opened:
            build(prefix + ")", opened, closed + 1)

    build("", 0, 0)
    return results
