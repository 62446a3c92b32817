'use strict';
// The frontend's entry point in the standalone output (copied beside Next's
// server.js): Next's own server, with the client's address appended to
// X-Forwarded-For before Next sees a request (forwarded-for.cjs says why).
require('./forwarded-for.cjs').installForwardedFor(require('node:http'));
require('./server.js');
