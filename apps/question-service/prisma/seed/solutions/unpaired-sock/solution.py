def unpairedSock(socks: list[int]) -> int:
    result = 0
    for sock in socks:
        result ^= sock
    return result
