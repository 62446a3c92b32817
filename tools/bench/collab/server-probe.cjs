// Preloaded (`node --expose-gc --require`) into every server the collab bench
// starts, ours and the reference alike, so both are measured the same way
// without a debug route in the service. It listens on 127.0.0.1 at
// BENCH_PROBE_PORT and answers:
//   GET /memory  after two full GCs: process.memoryUsage() (bytes), and
//                `snapshot`: a heap snapshot of that moment, written into
//                BENCH_HEAP_DIR as <pid>-<n>.heapsnapshot (heap-diff.cjs
//                reads what it holds: objects apart from compiled code)
//   GET /loop    this process's event-loop delay since the last /loop (ms)
//   GET /profile/start, /profile/stop   with BENCH_CPU_PROF set: a CPU profile
//                of what runs in between, written there as <pid>-<n>.cpuprofile
// Plain CommonJS on purpose: the built service runs under node with no loader.
const http = require('node:http');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const port = Number(process.env.BENCH_PROBE_PORT);
const heapDir = process.env.BENCH_HEAP_DIR;
let snapshots = 0;
const profileDir = process.env.BENCH_CPU_PROF;
let profiles = 0;
/** The inspector session of the running profile. */
let profiling;

function post(session, method) {
  return new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
}

async function startProfile() {
  const inspector = require('node:inspector');
  profiling = new inspector.Session();
  profiling.connect();
  await post(profiling, 'Profiler.enable');
  await post(profiling, 'Profiler.start');
  return { started: true };
}

async function stopProfile() {
  const session = profiling;
  profiling = undefined;
  const { profile } = await post(session, 'Profiler.stop');
  session.disconnect();
  profiles += 1;
  const file = require('node:path').join(profileDir, `${process.pid}-${profiles}.cpuprofile`);
  require('node:fs').writeFileSync(file, JSON.stringify(profile));
  return { file };
}
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
    if (!heapDir) {
      res.statusCode = 500;
      res.end('set BENCH_HEAP_DIR');
      return;
    }
    global.gc();
    global.gc();
    const usage = process.memoryUsage();
    snapshots += 1;
    const snapshot = require('node:v8').writeHeapSnapshot(require('node:path').join(heapDir, `${process.pid}-${snapshots}.heapsnapshot`));
    body = { ...usage, snapshot };
  } else if (req.url === '/loop') {
    body = { p50: lagMs(loop.percentile(50)), p99: lagMs(loop.percentile(99)), max: lagMs(loop.max) };
    loop.reset();
  } else if (profileDir && (req.url === '/profile/start' || req.url === '/profile/stop')) {
    const run = req.url === '/profile/start' ? (profiling ? null : startProfile()) : profiling ? stopProfile() : null;
    if (!run) {
      res.statusCode = 409;
      res.end();
      return;
    }
    run.then(
      (result) => reply(res, result),
      (error) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
    return;
  } else {
    res.statusCode = 404;
    res.end();
    return;
  }
  reply(res, body);
}

function reply(res, body) {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

if (Number.isInteger(port) && port > 0) {
  const server = http.createServer(answer);
  server.listen(port, '127.0.0.1');
  // Never what keeps the server alive, nor what delays its shutdown.
  server.unref();
}
