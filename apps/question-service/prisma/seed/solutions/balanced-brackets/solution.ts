function isBalanced(code: string): boolean {
  const partner: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  for (const char of code) {
    if (char in partner) {
      if (open.pop() !== partner[char]) return false;
    } else {
      open.push(char);
    }
  }
  return open.length === 0;
}
