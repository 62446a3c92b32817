import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// `npm test` runs tools/platform/prerequisites.mjs before anything else. These
// run it as a child process with a PATH of our own, so what it finds, and
// which apt-get it calls, is what the test decides. The real apt-get is never run.
const script = path.join(__dirname, 'prerequisites.mjs');
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const SANDBOX_COMMANDS = ['bwrap', 'prlimit', 'g++', 'javac'];

let dir: string;
let bin: string;
let chromium: string;
let aptLog: string;
let seccompPython: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'prerequisites-'));
  bin = path.join(dir, 'bin');
  mkdirSync(bin);
  chromium = path.join(dir, 'browser', 'chromium');
  aptLog = path.join(dir, 'apt-get.log');
  // World-accessible, so the run as another user below can find (and would record a call to) the stub.
  chmodSync(dir, 0o777);
  chmodSync(bin, 0o755);
  writeFileSync(aptLog, '');
  chmodSync(aptLog, 0o666);
  // kubectl, execution-service's sandbox (bwrap, prlimit, libseccomp's Python binding) and toolchains (g++,
  // javac) are prerequisites too; most cases here are about Chromium, so they are present unless a test
  // removes them (the stub Python imports anything).
  for (const command of ['kubectl', ...SANDBOX_COMMANDS]) writeFileSync(path.join(bin, command), '#!/bin/sh\n', { mode: 0o755 });
  seccompPython = path.join(bin, 'python-with-seccomp');
  writeFileSync(seccompPython, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in apt-get: records each call (and DEBIAN_FRONTEND); `install` creates an executable at CHROMIUM_PATH unless told to fail. */
function stubAptGet({ failInstall = false, createBrowser = true } = {}): void {
  writeFileSync(
    path.join(bin, 'apt-get'),
    [
      '#!/bin/sh',
      `echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> '${aptLog}'`,
      'case "$1" in install)',
      '  echo "stub apt-get: installing"',
      failInstall ? '  echo "E: Unable to locate package chromium" >&2; exit 100' : '',
      createBrowser ? '  mkdir -p "$(dirname "$CHROMIUM_PATH")" && printf "#!/bin/sh\\n" > "$CHROMIUM_PATH" && chmod +x "$CHROMIUM_PATH"' : '',
      ';; esac',
      'exit 0',
    ].join('\n'),
    { mode: 0o755 },
  );
}

function runPrerequisites(extraPath: string[] = [], options: { uid?: number; args?: string[] } = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [script, ...(options.args ?? [])], {
    encoding: 'utf8',
    // The stub needs sh's helpers (mkdir, dirname, chmod); apt-get itself is only ever ours.
    env: { PATH: [bin, ...extraPath].join(':'), CHROMIUM_PATH: chromium, SECCOMP_PYTHON: seccompPython },
    cwd: dir,
    timeout: 20_000,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { ...result, elapsedMs: Date.now() - started, aptCalls: readFileSync(aptLog, 'utf8').split('\n').filter(Boolean) };
}

/** Folders with the shell tools the stub uses but no apt-get. */
function toolsWithoutAptGet(): string[] {
  const tools = path.join(dir, 'tools');
  mkdirSync(tools);
  for (const tool of ['mkdir', 'dirname', 'chmod']) {
    const real = ['/usr/bin', '/bin'].map((folder) => path.join(folder, tool)).find((candidate) => existsSync(candidate));
    if (real) writeFileSync(path.join(tools, tool), `#!/bin/sh\nexec ${real} "$@"\n`, { mode: 0o755 });
  }
  return [tools];
}

describe('tools/platform/prerequisites.mjs (run first by npm test)', () => {
  it('exits 0 at once without calling apt-get when Chromium is at CHROMIUM_PATH', () => {
    mkdirSync(path.dirname(chromium));
    writeFileSync(chromium, '#!/bin/sh\n', { mode: 0o755 });
    stubAptGet();
    const run = runPrerequisites();
    expect({ status: run.status, stderr: run.stderr, aptCalls: run.aptCalls }).toEqual({ status: 0, stderr: '', aptCalls: [] });
  });

  it('counts a file that is not executable as missing', () => {
    mkdirSync(path.dirname(chromium));
    writeFileSync(chromium, 'not a program', { mode: 0o644 });
    const run = runPrerequisites();
    expect(run.status).toBe(1);
  });

  it('stops at once with one line naming the command when Chromium is missing and there is no apt-get', () => {
    const run = runPrerequisites();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "PeerPrep's browser tests need Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH)\n",
    );
    expect(run.elapsedMs).toBeLessThan(5_000);
  });

  it('names every missing prerequisite and one apt-get command for all of them', () => {
    rmSync(path.join(bin, 'kubectl'));
    const run = runPrerequisites();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "PeerPrep's browser tests need Chromium; PeerPrep's manifest tests render k8s/ with `kubectl kustomize`: " +
        'run `sudo apt-get install -y chromium kubectl` (or set CHROMIUM_PATH; from the Kubernetes apt source; no cluster is needed)\n',
    );
  });

  it("names bubblewrap and libseccomp's Python binding for execution-service's sandbox", () => {
    mkdirSync(path.dirname(chromium));
    writeFileSync(chromium, '#!/bin/sh\n', { mode: 0o755 });
    rmSync(path.join(bin, 'bwrap'));
    writeFileSync(seccompPython, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const run = runPrerequisites();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'execution-service runs every compile and test in a bubblewrap sandbox (its tests too); ' +
        "execution-service writes its sandbox's seccomp filter with libseccomp's Python binding: " +
        'run `sudo apt-get install -y bubblewrap python3-seccomp` (or set SECCOMP_PYTHON to a python3 that has it)\n',
    );
  });

  it("names execution-service's toolchains, g++ and OpenJDK 17, and prlimit, with their Debian packages", () => {
    mkdirSync(path.dirname(chromium));
    writeFileSync(chromium, '#!/bin/sh\n', { mode: 0o755 });
    for (const command of ['prlimit', 'g++', 'javac']) rmSync(path.join(bin, command));
    const run = runPrerequisites();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "execution-service sets each box's resource limits with prlimit; execution-service compiles C++17 submissions with g++; " +
        'execution-service compiles and runs Java submissions with OpenJDK 17: run `sudo apt-get install -y util-linux g++ openjdk-17-jdk-headless`\n',
    );
  });

  describe('--for=start (npm start runs it before building anything)', () => {
    it('asks only for what the started platform needs: no browser, no kubectl', () => {
      rmSync(path.join(bin, 'kubectl'));
      const run = runPrerequisites([], { args: ['--for=start'] });
      expect({ status: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({ status: 0, stderr: '', stdout: '' });
    });

    it("stops at once with one line naming the command when execution-service's sandbox is missing", () => {
      rmSync(path.join(bin, 'bwrap'));
      rmSync(path.join(bin, 'javac'));
      const run = runPrerequisites([], { args: ['--for=start'] });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'execution-service runs every compile and test in a bubblewrap sandbox (its tests too); ' +
          'execution-service compiles and runs Java submissions with OpenJDK 17: run `sudo apt-get install -y bubblewrap openjdk-17-jdk-headless`\n',
      );
      expect(run.elapsedMs).toBeLessThan(5_000);
    });

    (asRoot ? it : it.skip)('as root with apt-get, installs the sandbox’s packages and says to run npm start again when apt-get fails', () => {
      rmSync(path.join(bin, 'bwrap'));
      stubAptGet({ failInstall: true, createBrowser: false });
      const run = runPrerequisites(toolsWithoutAptGet(), { args: ['--for=start'] });
      expect(run.status).toBe(1);
      expect(run.aptCalls).toEqual(['DEBIAN_FRONTEND=noninteractive update -qq', 'DEBIAN_FRONTEND=noninteractive install -y -qq bubblewrap']);
      expect(run.stderr).toContain('`apt-get install -y -qq bubblewrap` failed (exit code 100); fix what it printed above, then run npm start again');
    });
  });

  (asRoot ? it : it.skip)('as another user, names the command and leaves apt-get alone even when it is on PATH', () => {
    stubAptGet();
    const run = runPrerequisites(toolsWithoutAptGet(), { uid: NOBODY });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "PeerPrep's browser tests need Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH)\n",
    );
    expect(run.aptCalls).toEqual([]);
  });

  // Installing is what root does on Debian (CI runs as root); as any other user these cannot run.
  (asRoot ? it : it.skip)('as root with apt-get, installs Debian chromium non-interactively, streams the output, checks again and succeeds', () => {
    stubAptGet();
    const run = runPrerequisites(toolsWithoutAptGet());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.aptCalls).toEqual(['DEBIAN_FRONTEND=noninteractive update -qq', 'DEBIAN_FRONTEND=noninteractive install -y -qq chromium']);
    expect(run.stdout).toContain('stub apt-get: installing');
    expect(existsSync(chromium)).toBe(true);
  });

  (asRoot ? it : it.skip)('as root, stops with apt-get’s error and a clear line when the install fails', () => {
    stubAptGet({ failInstall: true });
    const run = runPrerequisites(toolsWithoutAptGet());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('E: Unable to locate package chromium');
    expect(run.stderr).toContain('`apt-get install -y -qq chromium` failed (exit code 100)');
  });

  (asRoot ? it : it.skip)('as root, says so when apt-get succeeded but Chromium is still not at CHROMIUM_PATH', () => {
    stubAptGet({ createBrowser: false });
    const run = runPrerequisites(toolsWithoutAptGet());
    expect(run.status).toBe(1);
    expect(run.aptCalls).toHaveLength(2);
    expect(run.stderr).toContain(`apt-get installed chromium, but there is still no Chromium at ${chromium}`);
  });
});
