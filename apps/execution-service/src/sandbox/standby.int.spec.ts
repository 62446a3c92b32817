import { spawnSync } from 'node:child_process';
import { createLogger } from '@peerprep/service-kit';
import { waitFor } from '@peerprep/testing';
import { quoteCommand, Sandbox } from './sandbox';

const LIMITS = { cpuSeconds: 5, wallMs: 10_000, memoryBytes: 64 << 20, processes: 16, fileSizeBytes: 1 << 20, openFiles: 64, tmpfsBytes: 1 << 20 };

/** What `sh` makes of a quoted command read from stdin, as a standby reads it: its arguments, NUL-separated. */
function shellArgs(argv: string[]): string[] {
  const result = spawnSync('/bin/sh', ['-c', 'cmd=$(cat); eval "set -- $cmd"; printf \'%s\\0\' "$@"'], { input: quoteCommand(argv), encoding: 'utf8' });
  return result.stdout.split('\0').slice(0, -1);
}

describe('quoteCommand', () => {
  it('gives sh back exactly the arguments, whatever they hold', () => {
    const argv = ["it's", 'a "quote"', '$HOME `id` $(id)', 'two\nlines', '', '--setenv', 'back\\slash', '*', '; rm -rf /'];
    expect(shellArgs(argv)).toEqual(argv);
  });
});

describe('standbys: a box started ahead, in its cgroups, while the slot is idle', () => {
  let sandbox: Sandbox;
  const identity = process.getuid?.() === 0 ? { uid: 63_990, gid: 63_990 } : null;

  beforeAll(async () => {
    sandbox = await Sandbox.create({ seccompPython: '/usr/bin/python3', cgroups: 'auto', probeUid: 63_990, logger: createLogger({ name: 'test', level: 'silent' }) });
  });

  const box = (command: string[]) => sandbox.start({ command, mounts: [], cwd: '/', limits: LIMITS, identity }).done;

  it('runs box after box with each box’s own limits and accounting', async () => {
    for (let i = 0; i < 3; i += 1) {
      const result = await box(['/bin/sh', '-c', `echo box ${i}`]);
      expect(result).toMatchObject({ exitCode: 0, stdout: `box ${i}\n` });
      if (sandbox.cgroupVersion) expect(result.peakMemoryBytes).toBeGreaterThan(0);
    }
    // Memory past this box's 64 MiB (a standby's group starts with the largest limit) is refused.
    const hog = await box(['/usr/bin/python3', '-c', 'x = bytearray(200 << 20); print(len(x))']);
    expect(hog.exitCode === 0 && hog.stdout.includes(String(200 << 20))).toBe(false);
  });

  it('gets stdin from /dev/null, as a box always did', async () => {
    const result = await box(['/bin/sh', '-c', 'cat; echo read-eof']);
    expect(result).toMatchObject({ exitCode: 0, stdout: 'read-eof\n' });
  });

  it('leaves no standby behind once closed', async () => {
    const uid = identity?.uid ?? process.getuid?.() ?? 0;
    const standbys = () =>
      spawnSync('ps', ['-u', String(uid), '-o', 'args='], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((line) => line.startsWith('/bin/sh -c for f;'));
    if (sandbox.cgroupVersion) expect(standbys().length).toBeGreaterThan(0); // the next box's, waiting
    await sandbox.close();
    await waitFor(() => standbys().length === 0, 5_000, 'the standbys to exit');
  });
});
