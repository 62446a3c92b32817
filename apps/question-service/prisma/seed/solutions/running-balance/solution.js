function runningBalance(opening, transactions) {
  let balance = opening;
  return transactions.map((amount) => (balance += amount));
}
