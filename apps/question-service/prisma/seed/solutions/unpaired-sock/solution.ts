function unpairedSock(socks: number[]): number {
  return socks.reduce((acc, sock) => acc ^ sock, 0);
}
