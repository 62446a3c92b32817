import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, constants as fsConstants, lstat, readlink } from 'node:fs/promises';
import { constants } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '@peerprep/service-kit';
import { detectCgroups, type BoxCgroup, type BoxCgroupLimits, type CgroupSupport } from './cgroups';
import { toolPath } from '../languages/toolchain';
import { SandboxUnavailableError } from './sandbox-errors';
import { buildSeccompFilter } from './seccomp';

/** stdout and stderr are each kept up to this many bytes; more ends the box with an output limit. */
export const OUTPUT_CAP_BYTES = 64 * 1024;
/** The driver's result channel (fd 3) carries return values, which may be larger than a print. */
export const CHANNEL_CAP_BYTES = 16 * 1024 * 1024;
/** A box whose pipes stay open this long after it was killed is abandoned (its cgroup is still emptied). */
const CLOSE_GRACE_MS = 2_000;

export interface BoxLimits {
  /** RLIMIT_CPU (seconds): SIGXCPU at this, SIGKILL a second later. */
  cpuSeconds: number;
  /** Killed this long after it started, whatever it is doing. */
  wallMs: number;
  /** cgroup memory limit; and RLIMIT_AS when `addressSpaceBytes` is set (not for the JVM or V8, which reserve far more than they use). */
  memoryBytes: number;
  addressSpaceBytes?: number;
  /** RLIMIT_NPROC (per uid: the box's own uid when the service runs as root) and the cgroup pids limit. */
  processes: number;
  fileSizeBytes: number;
  openFiles: number;
  /** The writable tmpfs at /tmp. */
  tmpfsBytes: number;
}

export interface BoxMount {
  host: string;
  box: string;
  writable?: boolean;
}

export interface BoxSpec {
  command: string[];
  mounts: BoxMount[];
  cwd: string;
  env?: Record<string, string>;
  limits: BoxLimits;
  /** The unprivileged uid/gid the box runs as when the service is root; null when the service is not root. */
  identity: { uid: number; gid: number } | null;
  /** Each line the program writes to fd 3 (the drivers' result channel). */
  onChannelLine?: (line: string) => void;
}

export type KillReason = 'wall_time' | 'output_limit' | 'test_time_limit';

export interface BoxOutcome {
  exitCode: number | null;
  /** The signal that ended the program inside the box (bwrap reports 128 + n), or the one we sent bwrap. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  killedFor: KillReason | null;
  oomKilled: boolean;
  peakMemoryBytes: number | null;
  wallMs: number;
}

export interface RunningBox {
  readonly done: Promise<BoxOutcome>;
  kill(reason: KillReason): void;
}

interface BoxControl {
  killedFor: KillReason | null;
  killer: (() => void) | null;
}

/**
 * sh, started ahead of its box (a standby): write $$ into every cgroup.procs
 * file given as arguments, then wait for the box's command on stdin (one
 * shell-quoted line, `quoteCommand`) and exec it with stdin from /dev/null.
 * Joining a v1 cgroup costs ~10 ms a hierarchy (the attach waits for an RCU
 * grace period); done while the slot is idle, it is off the box's path.
 * EOF without a command (the service shutting down): exit.
 */
export const STANDBY = 'for f; do echo $$ > "$f" || exit 125; done; cmd=$(cat) || exit 125; [ -n "$cmd" ] || exit 0; eval "exec $cmd </dev/null"';

/** One argv as a line `sh` evaluates back to exactly that argv: every argument single-quoted. */
export function quoteCommand(argv: readonly string[]): string {
  return argv.map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(' ');
}

/** A box's first process, started and in its cgroups before the box is asked for. */
interface Standby {
  child: ChildProcess;
  cgroup: BoxCgroup;
}

/** Whether a child and its pipes keep the event loop alive. */
function setHeld(child: ChildProcess, held: boolean): void {
  if (held) child.ref();
  else child.unref();
  for (const stream of child.stdio) {
    const socket = stream as (Readable | Writable) & { ref?: () => void; unref?: () => void };
    if (held) socket?.ref?.();
    else socket?.unref?.();
  }
}

/** Limits of a standby's group until its box sets its own: the largest any box gets. */
const STANDBY_LIMITS: BoxCgroupLimits = { memoryBytes: 2 * 1024 ** 3, processes: 256 };

export interface SandboxOptions {
  bwrap?: string;
  prlimit?: string;
  seccompPython: string;
  cgroups: 'auto' | 'off';
  logger: Logger;
  /**
   * As root: the uid of the empty box that proves the sandbox works at start
   * (default 65534, nobody). The service passes its first box uid: nobody is
   * shared with anything else running as nobody, whose processes count
   * against the probe's RLIMIT_NPROC (clone fails with EAGAIN).
   */
  probeUid?: number;
}

const SIGNALS = Object.entries(constants.signals) as [NodeJS.Signals, number][];

function signalName(number: number): NodeJS.Signals | null {
  return SIGNALS.find(([, value]) => value === number)?.[0] ?? null;
}

async function which(candidates: string[]): Promise<string | null> {
  for (const candidate of candidates) {
    try {
      await access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      /* try the next */
    }
  }
  return null;
}

/** Collects a stream up to a cap; past it, calls onOverflow once and drops the rest. */
function capture(stream: Readable, cap: number, onOverflow: () => void): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflowed = false;
  stream.on('data', (chunk: Buffer) => {
    if (size < cap) chunks.push(chunk.subarray(0, cap - size));
    size += chunk.length;
    if (size > cap && !overflowed) {
      overflowed = true;
      onOverflow();
    }
  });
  stream.on('error', () => undefined);
  return () => Buffer.concat(chunks).toString('utf8');
}

/** The read-only root every box gets: /usr and the few /etc files toolchains read; merged-/usr symlinks kept as symlinks. */
async function rootArgs(extraReadOnly: string[]): Promise<string[]> {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    const stat = await lstat(top).catch(() => null);
    if (!stat) continue;
    if (stat.isSymbolicLink()) args.push('--symlink', await readlink(top), top);
    else args.push('--ro-bind', top, top);
  }
  for (const file of ['/etc/ld.so.cache', '/etc/alternatives', '/etc/java-17-openjdk', ...extraReadOnly]) {
    if (await lstat(file).catch(() => null)) args.push('--ro-bind', file, file);
  }
  return args;
}

export class Sandbox {
  /** Per identity, the standby of its next box (with cgroups only). */
  private readonly standbys = new Map<string, Promise<Standby>>();
  private closed = false;

  private constructor(
    private readonly bwrap: string,
    private readonly prlimit: string,
    private readonly seccomp: Buffer,
    private readonly cgroups: CgroupSupport | null,
    private readonly baseArgs: string[],
  ) {}

  /** How boxes are limited on this host, for logs and /readyz-style reports. */
  get cgroupVersion(): 'v1' | 'v2' | null {
    return this.cgroups?.version ?? null;
  }

  /**
   * Checks everything the sandbox needs and proves it by running one empty
   * box; throws SandboxUnavailableError naming what is missing otherwise.
   */
  static async create(options: SandboxOptions): Promise<Sandbox> {
    const bwrap = await which(options.bwrap ? [options.bwrap] : ['/usr/bin/bwrap', '/bin/bwrap']);
    if (!bwrap) throw new SandboxUnavailableError('bubblewrap (bwrap) is not installed (Debian/Alpine: bubblewrap)');
    const prlimit = await which(options.prlimit ? [options.prlimit] : ['/usr/bin/prlimit', '/bin/prlimit']);
    if (!prlimit) throw new SandboxUnavailableError('prlimit is not installed (Debian: util-linux; Alpine: util-linux-misc)');
    const seccomp = await buildSeccompFilter(options.seccompPython);
    let cgroups: CgroupSupport | null = null;
    if (options.cgroups === 'auto') {
      const detected = await detectCgroups();
      cgroups = detected.support;
      options.logger.info({ cgroups: cgroups?.version ?? 'none', reason: detected.reason }, 'sandbox cgroup limits');
    } else {
      options.logger.info({ cgroups: 'none', reason: 'EXECUTION_CGROUPS=off' }, 'sandbox cgroup limits');
    }
    // Node may live outside /usr (nvm, the node image's /usr/local): bind its folder too.
    const nodeDir = path.dirname(process.execPath);
    const sandbox = new Sandbox(bwrap, prlimit, seccomp, cgroups, await rootArgs(nodeDir.startsWith('/usr/') ? [] : [nodeDir]));
    const probe = await sandbox.start({
      command: [toolPath('true')],
      mounts: [],
      cwd: '/',
      limits: { cpuSeconds: 5, wallMs: 10_000, memoryBytes: 64 << 20, processes: 16, fileSizeBytes: 1 << 20, openFiles: 64, tmpfsBytes: 1 << 20 },
      identity: process.getuid?.() === 0 ? { uid: options.probeUid ?? 65_534, gid: options.probeUid ?? 65_534 } : null,
    }).done;
    if (probe.exitCode !== 0) {
      throw new SandboxUnavailableError(
        `an empty box failed (exit ${probe.exitCode ?? probe.signal}): ${probe.stderr.trim() || 'no message'}` +
          ' (bwrap needs unprivileged user namespaces, and a seccomp profile that allows mount/unshare/clone with namespace flags)',
      );
    }
    return sandbox;
  }

  start(spec: BoxSpec): RunningBox {
    const control: BoxControl = { killedFor: null, killer: null };
    const kill = (reason: KillReason) => {
      control.killedFor ??= reason;
      control.killer?.();
    };
    return { done: this.run(spec, control, kill), kill };
  }

  private bwrapArgs(spec: BoxSpec): string[] {
    const args = [
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
      // The program itself is the namespace's init, and bwrap waits for it: with bwrap's own init,
      // the outer bwrap exits first and leaves that init a zombie for the host's PID 1 to reap,
      // which counts against the uid's RLIMIT_NPROC until it does (seen here: one per box).
      // When the program exits, the kernel kills everything left in the namespace.
      '--as-pid-1',
      '--cap-drop',
      'ALL',
      '--clearenv',
      ...this.baseArgs,
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--size',
      String(spec.limits.tmpfsBytes),
      '--tmpfs',
      '/tmp',
    ];
    for (const mount of spec.mounts) args.push(mount.writable ? '--bind' : '--ro-bind', mount.host, mount.box);
    // bwrap's /dev is a tmpfs of its own: read-only too, so the sized /tmp stays the only writable place.
    args.push('--remount-ro', '/', '--remount-ro', '/dev', '--chdir', spec.cwd, '--seccomp', '4');
    const env = { PATH: '/usr/bin:/bin', HOME: '/tmp', LANG: 'C.UTF-8', ...spec.env };
    for (const [name, value] of Object.entries(env)) args.push('--setenv', name, value);
    return args;
  }

  private prlimitArgs(limits: BoxLimits): string[] {
    const args = [
      `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
      `--fsize=${limits.fileSizeBytes}`,
      `--nofile=${limits.openFiles}`,
      '--core=0',
    ];
    if (limits.addressSpaceBytes) args.push(`--as=${limits.addressSpaceBytes}`);
    return args;
  }

  /** Starts a standby for `identity`: its group made, its sh spawned (it joins the group by itself). */
  private async makeStandby(cgroups: CgroupSupport, identity: BoxSpec['identity']): Promise<Standby> {
    const cgroup = await cgroups.create(`box-${randomUUID()}`, STANDBY_LIMITS, identity);
    const child = spawn('/bin/sh', ['-c', STANDBY, 'sh', ...cgroup.procsFiles], {
      env: {},
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
      uid: identity?.uid,
      gid: identity?.gid,
    });
    child.on('error', () => undefined);
    const seccompPipe = child.stdio[4] as Writable;
    seccompPipe.on('error', () => undefined);
    seccompPipe.end(this.seccomp);
    (child.stdin as Writable).on('error', () => undefined);
    // A waiting standby never keeps the process alive (a test or a bench that never closes the sandbox still exits).
    setHeld(child, false);
    return { child, cgroup };
  }

  /**
   * The standby of this identity (a slot's uid), or a fresh one when there is
   * none or it died; the next one is started at once, for the slot's next box.
   */
  private async takeStandby(cgroups: CgroupSupport, identity: BoxSpec['identity']): Promise<Standby> {
    const key = identity ? `${identity.uid}:${identity.gid}` : 'self';
    const waiting = this.standbys.get(key);
    this.standbys.delete(key);
    let standby = waiting ? await waiting.catch(() => null) : null;
    if (standby && (standby.child.exitCode !== null || standby.child.signalCode !== null)) {
      void standby.cgroup.finish().catch(() => undefined);
      standby = null;
    }
    if (!this.closed) {
      const next = this.makeStandby(cgroups, identity);
      next.catch(() => undefined);
      this.standbys.set(key, next);
    }
    return standby ?? this.makeStandby(cgroups, identity);
  }

  /** Stops every standby (EOF: its sh exits) and removes their groups. */
  async close(): Promise<void> {
    this.closed = true;
    const waiting = [...this.standbys.values()];
    this.standbys.clear();
    await Promise.all(
      waiting.map(async (pending) => {
        const standby = await pending.catch(() => null);
        if (!standby) return;
        (standby.child.stdin as Writable).end();
        await standby.cgroup.finish().catch(() => undefined);
      }),
    );
  }

  private async run(spec: BoxSpec, control: BoxControl, kill: (reason: KillReason) => void): Promise<BoxOutcome> {
    const startedAt = performance.now();
    let cgroup: BoxCgroup | null = null;
    let standby: Standby | null = null;
    if (this.cgroups) {
      standby = await this.takeStandby(this.cgroups, spec.identity);
      cgroup = standby.cgroup;
      await cgroup.setLimits({ memoryBytes: spec.limits.memoryBytes, processes: spec.limits.processes });
    }
    // RLIMIT_NPROC is set inside the box, after bwrap made its user namespace: the kernel also
    // counts a box's tasks against its uid in every enclosing namespace, capped there by the limit
    // its creator had. Set before bwrap, a service running as non-root (the image) would share the
    // box's budget with its own threads and every other box (bwrap: "Creating new namespace
    // failed: Resource temporarily unavailable"); set inside, it caps the box's own tasks alone.
    const nproc = [this.prlimit, `--nproc=${spec.limits.processes}`, '--'];
    const inner = [this.prlimit, ...this.prlimitArgs(spec.limits), '--', this.bwrap, ...this.bwrapArgs(spec), '--', ...nproc, ...spec.command];
    // With cgroups, the box's first process (a standby's sh) joined its groups itself before it
    // execs prlimit and bwrap, so nothing the box ever forks escapes them (writing its pid from
    // here would race bwrap's clone); it gets the command now.
    let child: ChildProcess;
    if (standby) {
      child = standby.child;
      setHeld(child, true);
      (child.stdin as Writable).end(quoteCommand(inner));
    } else {
      child = spawn(inner[0], inner.slice(1), {
        env: {},
        stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
        uid: spec.identity?.uid,
        gid: spec.identity?.gid,
      });
    }
    // SIGKILL to bwrap: --die-with-parent takes its init down, and with it the whole pid namespace.
    control.killer = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    if (control.killedFor) control.killer();
    const wallTimer = setTimeout(() => kill('wall_time'), spec.limits.wallMs);
    const overflow = () => kill('output_limit');
    const stdout = capture(child.stdio[1] as Readable, OUTPUT_CAP_BYTES, overflow);
    const stderr = capture(child.stdio[2] as Readable, OUTPUT_CAP_BYTES, overflow);
    const channel = child.stdio[3] as Readable;
    let pending = '';
    let channelSize = 0;
    channel.setEncoding('utf8');
    channel.on('data', (text: string) => {
      channelSize += Buffer.byteLength(text);
      if (channelSize > CHANNEL_CAP_BYTES) {
        overflow();
        return;
      }
      pending += text;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line) spec.onChannelLine?.(line);
        newline = pending.indexOf('\n');
      }
    });
    channel.on('error', () => undefined);
    if (!standby) {
      const seccompPipe = child.stdio[4] as Writable;
      seccompPipe.on('error', () => undefined);
      seccompPipe.end(this.seccomp);
    }

    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
      let graceTimer: NodeJS.Timeout | undefined;
      child.once('error', () => resolve({ code: null, signal: null }));
      child.once('exit', (code, signal) => {
        const status = { code, signal };
        exited = status;
        // Pipes held by a process that outlived bwrap (none should: the pid namespace dies with it).
        graceTimer = setTimeout(() => {
          for (const stream of [child.stdout, child.stderr, channel]) stream?.destroy();
          resolve(status);
        }, CLOSE_GRACE_MS);
      });
      child.once('close', (code, signal) => {
        clearTimeout(graceTimer);
        resolve(exited ?? { code, signal });
      });
    });
    clearTimeout(wallTimer);
    const usage = cgroup ? await cgroup.finish() : { peakMemoryBytes: null, oomKilled: false, leftover: 0 };
    let exitCode = exit.code;
    let signal = exit.signal;
    // bwrap's init reports a program killed by signal n as exit status 128 + n.
    if (exitCode !== null && exitCode > 128 && exitCode < 128 + 65) {
      signal = signalName(exitCode - 128);
      exitCode = null;
    }
    return {
      exitCode,
      signal,
      stdout: stdout(),
      stderr: stderr(),
      killedFor: control.killedFor,
      oomKilled: usage.oomKilled,
      peakMemoryBytes: usage.peakMemoryBytes,
      wallMs: performance.now() - startedAt,
    };
  }
}
