def reverseWordOrder(line: str) -> str:
    return " ".join(reversed(line.split()))
