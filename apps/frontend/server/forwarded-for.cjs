'use strict';
/**
 * Next's server is the first hop for everything a browser sends to this
 * origin, /api included, yet its rewrite to the gateway forwards the
 * browser's own X-Forwarded-For untouched and adds no entry of its own
 * (next/dist/server/lib/router-utils/proxy-request.js proxies without xfwd;
 * base-server.js fills the header only when it is absent). The gateway trusts
 * exactly one hop from this server's address, so the entry it believes must
 * be one this server wrote: the socket peer, appended as every proxy does.
 */
function appendSocketPeer(req) {
  const peer = req.socket && req.socket.remoteAddress;
  if (!peer) return;
  const prior = req.headers['x-forwarded-for'];
  const chain = Array.isArray(prior) ? prior.join(', ') : prior;
  req.headers['x-forwarded-for'] = chain ? `${chain}, ${peer}` : peer;
}

/** Every server `http.createServer` makes from now on sees appendSocketPeer before its own listeners. */
function installForwardedFor(http) {
  const createServer = http.createServer;
  http.createServer = function createServerWithForwardedFor(...args) {
    const server = createServer.apply(this, args);
    server.prependListener('request', appendSocketPeer);
    server.prependListener('upgrade', appendSocketPeer);
    return server;
  };
}

module.exports = { appendSocketPeer, installForwardedFor };
