import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sandboxProfilePath } from './sandbox-profile';

// The container seccomp profile, tried for real on this machine: libseccomp's
// Python binding (a prerequisite of npm test, as is bubblewrap) loads the
// profile's rules into a process, which drops to nobody when it is root (the
// image runs as node, never root) and execs bwrap with the namespaces, fresh
// /proc and read-only root the service's boxes use. Without Docker this is the
// nearest thing to the container: the same filter in front of the same bwrap.
const PROBE = `
import json, os, sys, seccomp
profile = json.load(open(sys.argv[1]))
default = seccomp.ALLOW if profile['defaultAction'] == 'SCMP_ACT_ALLOW' else seccomp.ERRNO(profile.get('defaultErrnoRet', 1))
f = seccomp.SyscallFilter(default)
for rule in profile['syscalls']:
    action = seccomp.ALLOW if rule['action'] == 'SCMP_ACT_ALLOW' else seccomp.ERRNO(rule.get('errnoRet', 1))
    for name in rule['names']:
        try:
            f.add_rule(action, name)
        except (RuntimeError, ValueError):
            pass  # not a system call of this architecture
if os.getuid() == 0:
    os.setgroups([]); os.setgid(65534); os.setuid(65534)
f.load()
root = ['--ro-bind', '/usr', '/usr']
for top in ['/bin', '/sbin', '/lib', '/lib64']:
    if os.path.islink(top): root += ['--symlink', os.readlink(top), top]
    elif os.path.isdir(top): root += ['--ro-bind', top, top]
os.execv('/usr/bin/bwrap', ['bwrap', '--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session',
  '--as-pid-1', '--cap-drop', 'ALL', '--clearenv', *root, '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp',
  '--remount-ro', '/', '--', '/bin/sh', '-c', 'echo box; grep -c . /proc/self/status >/dev/null && echo proc'])
`;

const python = process.env['SECCOMP_PYTHON'] ?? '/usr/bin/python3';
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'sandbox-profile-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function boxUnder(profile: unknown) {
  const file = path.join(dir, `profile-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(profile), { mode: 0o644 });
  const run = spawnSync(python, ['-c', PROBE, file], { encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("execution-service's container seccomp profile (apps/execution-service/deploy/seccomp-profile.json)", () => {
  const profile = JSON.parse(readFileSync(sandboxProfilePath, 'utf8')) as { syscalls: { names: string[]; action: string; errnoRet?: number }[] };

  it('lets an unprivileged bwrap make a box: user namespace, every other namespace, a fresh /proc, a read-only root', () => {
    expect(boxUnder(profile)).toEqual({ status: 0, stdout: 'box\nproc\n', stderr: '' });
  });

  it('is what makes the difference: the same box fails once mount or unshare is refused, as under a runtime default profile', () => {
    for (const refused of ['mount', 'unshare']) {
      const tighter = { ...profile, syscalls: [...profile.syscalls, { names: [refused], action: 'SCMP_ACT_ERRNO', errnoRet: 1 }] };
      const run = boxUnder(tighter);
      expect({ refused, status: run.status, says: run.stderr }).toEqual({ refused, status: 1, says: expect.stringMatching(/^bwrap: .*Operation not permitted/) });
    }
  });
});
