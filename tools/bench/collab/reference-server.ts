// The reference the collab bench compares collaboration-service with: the
// y-websocket server of @y/websocket-server as its README sets it up (a plain
// http server, a ws WebSocketServer, setupWSConnection per socket), with no
// persistence, so it keeps every room in memory for as long as it runs.
// Started by the bench as a child process (`node --import tsx`, pinned with
// taskset) on PORT; GET /readyz answers once it listens, GET /stats counts
// the rooms and connections it holds.
//
// It loads server-probe.cjs itself: preloaded with --require beside tsx's
// --import loader, a module that creates a server before the loader is ready
// stops the entry point from ever running (Node 20).
import './server-probe.cjs';
import http from 'node:http';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const port = Number(process.env['PORT']);

const server = http.createServer((req, res) => {
  if (req.url === '/readyz') {
    res.end('ok');
    return;
  }
  if (req.url === '/stats') {
    let connections = 0;
    for (const doc of docs.values()) connections += doc.conns.size;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ rooms: docs.size, connections }));
    return;
  }
  res.statusCode = 404;
  res.end();
});

// The clients offer the same subprotocols as to collaboration-service; ws picks the first, and the token goes unread.
const wss = new WebSocketServer({ server });
wss.on('connection', (conn, req) => setupWSConnection(conn, req));

server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
