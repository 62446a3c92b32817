function reverseWordOrder(line: string): string {
  return line
    .split(' ')
    .filter((word) => word.length > 0)
    .reverse()
    .join(' ');
}
