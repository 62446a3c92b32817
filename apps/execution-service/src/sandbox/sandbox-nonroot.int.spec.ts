import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The image runs the service as `node`, never root, and then every box runs as
// the service's own uid inside its user namespace. The kernel counts a box's
// tasks against that uid in the enclosing namespace too, capped by the
// RLIMIT_NPROC bwrap was started with: the box's budget must not be set before
// bwrap, or the service's own threads use it up (bwrap: "Creating new namespace
// failed: Resource temporarily unavailable"). Run as root, this starts the
// sandbox in a child process as nobody, beside a thread-heavy parent, and runs
// a box that forks up to its limit.
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const root = path.resolve(__dirname, '../../../..');

const SCRIPT = `
import { createLogger } from '@peerprep/service-kit';
import { Sandbox } from '${path.join(__dirname, 'sandbox')}';

async function main() {
  const logger = createLogger({ name: 'execution-service', level: 'silent' });
  const sandbox = await Sandbox.create({ seccompPython: '/usr/bin/python3', cgroups: 'off', logger });
  const box = await sandbox.start({
    command: ['/bin/sh', '-c', 'n=0; for i in 1 2 3 4 5 6 7 8 9 10; do sleep 0.2 & n=$((n+1)); done; wait; echo forked $n'],
    mounts: [],
    cwd: '/',
    limits: { cpuSeconds: 5, wallMs: 10_000, memoryBytes: 64 << 20, processes: 16, fileSizeBytes: 1 << 20, openFiles: 64, tmpfsBytes: 1 << 20 },
    identity: null,
  }).done;
  process.stdout.write(JSON.stringify({ uid: process.getuid?.(), exitCode: box.exitCode, stdout: box.stdout.trim(), stderr: box.stderr.trim() }));
}
main().catch((error) => {
  process.stdout.write(JSON.stringify({ error: String(error) }));
  process.exit(1);
});
`;

(asRoot ? describe : describe.skip)('the sandbox run by a non-root service (as the image runs it)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sandbox-nonroot-'));
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives each box its process budget of its own, whatever the service's uid already runs", () => {
    const script = path.join(dir, 'box.ts');
    writeFileSync(script, SCRIPT, { mode: 0o644 });
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', path.join(root, 'apps/execution-service/tsconfig.json'), script],
      { cwd: root, uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'] ?? '', HOME: dir } },
    );
    expect(JSON.parse(run.stdout || JSON.stringify({ stderr: run.stderr }))).toEqual({ uid: NOBODY, exitCode: 0, stdout: 'forked 10', stderr: '' });
  });
});
