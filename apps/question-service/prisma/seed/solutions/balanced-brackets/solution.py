def isBalanced(code: str) -> bool:
    partner = {")": "(", "]": "[", "}": "{"}
    stack = []
    for char in code:
        if char in partner:
            if not stack or stack.pop() != partner[char]:
                return False
        else:
            stack.append(char)
    return not stack
