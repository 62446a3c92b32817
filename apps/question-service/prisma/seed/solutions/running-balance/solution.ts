function runningBalance(opening: number, transactions: number[]): number[] {
  let balance = opening;
  return transactions.map((amount) => (balance += amount));
}
