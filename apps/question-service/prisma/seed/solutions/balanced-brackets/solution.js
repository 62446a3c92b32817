function isBalanced(code) {
  const partner = { ')': '(', ']': '[', '}': '{' };
  const open = [];
  for (const char of code) {
    if (char in partner) {
      if (open.pop() !== partner[char]) return false;
    } else {
      open.push(char);
    }
  }
  return open.length === 0;
}
