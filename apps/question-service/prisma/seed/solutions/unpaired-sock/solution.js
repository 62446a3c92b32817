function unpairedSock(socks) {
  return socks.reduce((acc, sock) => acc ^ sock, 0);
}
