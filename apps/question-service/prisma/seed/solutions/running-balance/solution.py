def runningBalance(opening: int, transactions: list[int]) -> list[int]:
    balances = []
    for amount in transactions:
        opening += amount
        balances.append(opening)
    return balances
