function reverseWordOrder(line) {
  return line
    .split(' ')
    .filter((word) => word.length > 0)
    .reverse()
    .join(' ');
}
