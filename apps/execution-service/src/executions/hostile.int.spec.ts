import type { EntryPoint, ExecutionResult, Language } from '@peerprep/contracts';
import { createTestSandbox, removeTestSandbox, leftoverRunFolders, processesOf, type TestSandbox } from '../../test/sandbox-harness';

/**
 * Hostile programs through the real sandbox, in Python and C++. Each must end
 * with the right verdict and leave nothing behind: no process of the box's
 * uid, no run folder. The probes that try to get out return "blocked" when
 * every attempt failed (so Accepted means contained) and say what got through
 * otherwise. Network probes aim only at loopback.
 */
const entryPoint: EntryPoint = { functionName: 'probe', params: [{ name: 'target', type: 'string' }], returnType: 'string' };

const CPP_HEAD = `#include <bits/stdc++.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
using namespace std;
extern char** environ;
`;

function cpp(body: string): string {
  return `${CPP_HEAD}class Solution {\npublic:\n  string probe(string target) {\n${body}\n  }\n};\n`;
}

type Programs = Record<'python' | 'cpp', string>;

const PROGRAMS = {
  forkBomb: {
    python: 'import os\ndef probe(target):\n    while True:\n        os.fork()\n',
    cpp: cpp('    while (true) fork();'),
  },
  infiniteLoop: {
    python: 'def probe(target):\n    n = 0\n    while True:\n        n += 1\n',
    cpp: cpp('    volatile unsigned long n = 0;\n    while (true) n++;'),
  },
  sleepForever: {
    python: 'import time\ndef probe(target):\n    time.sleep(10**6)\n',
    cpp: cpp('    sleep(1000000);\n    return "woke";'),
  },
  allocateUntilKilled: {
    python: 'def probe(target):\n    hoard = []\n    while True:\n        hoard.append(bytearray(1 << 20))\n',
    cpp: cpp('    vector<vector<char>> hoard;\n    while (true) hoard.emplace_back(1 << 20, 1);'),
  },
  printOneGigabyte: {
    python: 'def probe(target):\n    line = "x" * 65535\n    for _ in range(16384):\n        print(line)\n    return "printed"\n',
    cpp: cpp('    string line(65535, \'x\');\n    for (int i = 0; i < 16384; i++) cout << line << "\\n";\n    return "printed";'),
  },
  writeOutsideTmpfs: {
    python: `def probe(target):
    wrote = []
    for path in ["/x", "/usr/x", "/etc/x", "/src/x", "/build/x", "/proc/x", "/dev/x"]:
        try:
            with open(path, "w") as out:
                out.write("x")
            wrote.append(path)
        except OSError:
            pass
    return "blocked" if not wrote else "wrote " + ",".join(wrote)
`,
    cpp: cpp(`    string wrote;
    for (const char* path : {"/x", "/usr/x", "/etc/x", "/src/x", "/build/x", "/proc/x", "/dev/x"}) {
      FILE* out = fopen(path, "w");
      if (out) { wrote += path; fclose(out); }
    }
    return wrote.empty() ? "blocked" : "wrote " + wrote;`),
  },
  readShadow: {
    python: `def probe(target):
    try:
        with open("/etc/shadow") as shadow:
            return "read " + shadow.read(20)
    except OSError:
        return "blocked"
`,
    cpp: cpp('    ifstream shadow("/etc/shadow");\n    return shadow.good() ? "read" : "blocked";'),
  },
  readServiceEnvironment: {
    python: `import glob, os
def probe(target):
    found = [key for key in os.environ if key not in ("PATH", "HOME", "LANG", "PWD")]
    for path in glob.glob("/proc/*/environ"):
        try:
            with open(path, "rb") as environ:
                if target.encode() in environ.read():
                    found.append(path)
        except OSError:
            pass
    return "blocked" if not found else "found " + ",".join(found)
`,
    cpp: cpp(`    string found;
    for (char** entry = environ; *entry; entry++) {
      string pair = *entry;
      string key = pair.substr(0, pair.find('='));
      if (key != "PATH" && key != "HOME" && key != "LANG" && key != "PWD") found += key + " ";
    }
    for (const char* path : {"/proc/self/environ", "/proc/1/environ", "/proc/2/environ"}) {
      ifstream in(path, ios::binary);
      string text((istreambuf_iterator<char>(in)), istreambuf_iterator<char>());
      if (text.find(target) != string::npos) found += path;
    }
    return found.empty() ? "blocked" : "found " + found;`),
  },
  readOtherRuns: {
    python: `import os
def probe(target):
    seen = [path for path in [target, "/tmp/peerprep-execution", "/tmp/other-run-secret"] if os.path.exists(path)]
    seen += [name for name in os.listdir("/tmp")]
    return "blocked" if not seen else "saw " + ",".join(seen)
`,
    cpp: cpp(`    string seen;
    for (const string& path : {target, string("/tmp/peerprep-execution"), string("/tmp/other-run-secret")})
      if (access(path.c_str(), F_OK) == 0) seen += path + " ";
    return seen.empty() ? "blocked" : "saw " + seen;`),
  },
  connectToLoopbackServices: {
    python: `import socket
def probe(target):
    reached = []
    for port in (5432, 6379, 5672):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            reached.append(str(port))
        except OSError:
            pass
    try:
        unix = socket.socket(socket.AF_UNIX)
        unix.connect("/var/run/postgresql/.s.PGSQL.5432")
        reached.append("postgres unix socket")
    except OSError:
        pass
    return "blocked" if not reached else "reached " + ",".join(reached)
`,
    cpp: cpp(`    string reached;
    for (int port : {5432, 6379, 5672}) {
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      if (fd < 0) continue;
      sockaddr_in address{};
      address.sin_family = AF_INET;
      address.sin_port = htons(port);
      address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (connect(fd, (sockaddr*)&address, sizeof address) == 0) reached += to_string(port) + " ";
      close(fd);
    }
    return reached.empty() ? "blocked" : "reached " + reached;`),
  },
  outliveTheRun: {
    python: `import os, time
def probe(target):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(300)
        os._exit(0)
    return "blocked"
`,
    cpp: cpp(`    if (fork() == 0) {
      setsid();
      if (fork() == 0) sleep(300);
      _exit(0);
    }
    return "blocked";`),
  },
  symlinkOutOfTheBox: {
    python: `import os
def probe(target):
    read = []
    os.symlink("/etc/shadow", "/tmp/shadow")
    os.symlink("/", "/tmp/root")
    for path in ["/tmp/shadow", "/tmp/root/etc/shadow", "/proc/1/root/etc/shadow", "/tmp/root" + target]:
        try:
            with open(path) as linked:
                linked.read(1)
            read.append(path)
        except OSError:
            pass
    return "blocked" if not read else "read " + ",".join(read)
`,
    cpp: cpp(`    string read;
    symlink("/etc/shadow", "/tmp/shadow");
    symlink("/", "/tmp/root");
    for (const char* path : {"/tmp/shadow", "/tmp/root/etc/shadow", "/proc/1/root/etc/shadow"}) {
      ifstream in(path);
      if (in.good()) read += string(path) + " ";
    }
    return read.empty() ? "blocked" : "read " + read;`),
  },
} satisfies Record<string, Programs>;

describe('hostile code in the sandbox', () => {
  let box: TestSandbox;

  beforeAll(async () => {
    box = await createTestSandbox('hostile');
    process.env.PEERPREP_HOSTILE_SECRET = 'hostile-secret-value-2f7c';
  });

  afterAll(() => removeTestSandbox(box));

  afterAll(() => {
    delete process.env.PEERPREP_HOSTILE_SECRET;
  });

  function expectNothingLeft(): void {
    expect(processesOf(box.uids)).toEqual([]);
    expect(leftoverRunFolders(box.workDir)).toEqual([]);
  }

  function execute(language: Language, code: string, target = ''): Promise<ExecutionResult> {
    return box.executor.execute({ language, code, entryPoint, tests: [{ args: [target], expected: 'blocked', hidden: false }] });
  }

  async function run(language: Language, code: string, target = ''): Promise<ExecutionResult> {
    const result = await execute(language, code, target);
    // Whatever the program did, nothing of it is left once the verdict is in.
    expectNothingLeft();
    return result;
  }

  describe.each(['python', 'cpp'] as const)('%s', (language) => {
    it('stops a fork bomb: refused forks or the time limit, never the host', async () => {
      const result = await run(language, PROGRAMS.forkBomb[language]);
      expect(['runtime_error', 'time_limit']).toContain(result.status);
    });

    it('stops an infinite loop at the time limit', async () => {
      expect((await run(language, PROGRAMS.infiniteLoop[language])).status).toBe('time_limit');
    });

    it('stops a program that sleeps forever at the time limit', async () => {
      expect((await run(language, PROGRAMS.sleepForever[language])).status).toBe('time_limit');
    });

    it('stops a program that allocates until killed at the memory limit', async () => {
      expect((await run(language, PROGRAMS.allocateUntilKilled[language])).status).toBe('memory_limit');
    });

    it('stops a program printing 1 GB at the output limit, keeping 64 KiB', async () => {
      const result = await run(language, PROGRAMS.printOneGigabyte[language]);
      expect(result.status).toBe('output_limit');
      expect(Buffer.byteLength(result.tests[0].stdout ?? '')).toBeLessThanOrEqual(64 * 1024 + 100);
    });

    it('cannot write outside its tmpfs', async () => {
      expect((await run(language, PROGRAMS.writeOutsideTmpfs[language])).summary).toBe('Accepted 1/1');
    });

    it('cannot read /etc/shadow', async () => {
      expect((await run(language, PROGRAMS.readShadow[language])).summary).toBe('Accepted 1/1');
    });

    it("cannot see the service's environment", async () => {
      const result = await run(language, PROGRAMS.readServiceEnvironment[language], 'hostile-secret-value-2f7c');
      expect(result.tests[0].actual).toBe('blocked');
    });

    it("cannot see another run's files, even while that run is writing them", async () => {
      const writer = execute(
        'python',
        'import time\ndef probe(target):\n    open("/tmp/other-run-secret", "w").write("secret")\n    time.sleep(1)\n    return "blocked"\n',
      );
      const reader = execute(language, PROGRAMS.readOtherRuns[language], box.workDir);
      const [written, read] = await Promise.all([writer, reader]);
      expectNothingLeft();
      expect(written.summary).toBe('Accepted 1/1');
      expect(read.tests[0].actual).toBe('blocked');
    });

    it('cannot connect to Postgres, Redis or RabbitMQ on loopback', async () => {
      expect((await run(language, PROGRAMS.connectToLoopbackServices[language])).tests[0].actual).toBe('blocked');
    });

    it('cannot leave a background process running after the run', async () => {
      // run() itself asserts that no process of the box's uid is left.
      expect((await run(language, PROGRAMS.outliveTheRun[language])).summary).toBe('Accepted 1/1');
    });

    it('cannot follow symlinks out of the box', async () => {
      expect((await run(language, PROGRAMS.symlinkOutOfTheBox[language], '/etc/shadow')).tests[0].actual).toBe('blocked');
    });
  });

  it('judges a test that returns after its 2 s limit a time limit, though it was not killed', async () => {
    const result = await run('python', 'import time\ndef probe(target):\n    time.sleep(2.5)\n    return "blocked"\n');
    expect(result.status).toBe('time_limit');
    expect(result.tests[0].timeMs).toBeGreaterThan(2_000);
  });

  it('skips the rest of a submission once three tests ran out of time', async () => {
    const result = await box.executor.execute({
      language: 'python',
      code: PROGRAMS.infiniteLoop.python,
      entryPoint,
      tests: Array.from({ length: 5 }, () => ({ args: [''], expected: 'blocked', hidden: true })),
    });
    expect(result.tests.map((test) => test.verdict)).toEqual(['time_limit', 'time_limit', 'time_limit', 'skipped', 'skipped']);
    expect(result.summary).toBe('Time limit exceeded on test 1 (0/5 passed)');
    expectNothingLeft();
  });

  it('stops a compile-time bomb (exponential C++ templates) at the compile limits', async () => {
    const bomb = `#include <string>
using namespace std;
template <class... Ts> struct List {};
template <int N, class... Ts> struct Boom { using type = typename Boom<N - 1, Ts..., Ts...>::type; };
template <class... Ts> struct Boom<0, Ts...> { using type = List<Ts...>; };
static Boom<40, int>::type boom;
class Solution {
public:
  string probe(string target) { return "blocked"; }
};
`;
    const result = await run('cpp', bomb);
    expect(result.status).toBe('compile_limit');
    expect(result.tests.every((test) => test.verdict === 'skipped')).toBe(true);
  });
});
