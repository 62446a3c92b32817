// Preloaded (`node --expose-gc --require`) into every server the collab bench
// starts, ours and the reference alike, so both are measured the same way
// without a debug route in the service. It listens on 127.0.0.1 at
// BENCH_PROBE_PORT and answers:
//   GET /memory  after two full GCs: process.memoryUsage() (bytes)
//   GET /loop    this process's event-loop delay since the last /loop (ms)
// Plain CommonJS on purpose: the built service runs under node with no loader.
const http = require('node:http');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const port = Number(process.env.BENCH_PROBE_PORT);
// The histogram counts the sampling interval itself: the figures below subtract it.
const RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
loop.enable();

const lagMs = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

function answer(req, res) {
  let body;
  if (req.url === '/memory') {
    if (typeof global.gc !== 'function') {
      res.statusCode = 500;
      res.end('start the server with --expose-gc');
      return;
    }
    global.gc();
    global.gc();
    body = process.memoryUsage();
  } else if (req.url === '/loop') {
    body = { p50: lagMs(loop.percentile(50)), p99: lagMs(loop.percentile(99)), max: lagMs(loop.max) };
    loop.reset();
  } else {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

if (Number.isInteger(port) && port > 0) {
  const server = http.createServer(answer);
  server.listen(port, '127.0.0.1');
  // Never what keeps the server alive, nor what delays its shutdown.
  server.unref();
}
