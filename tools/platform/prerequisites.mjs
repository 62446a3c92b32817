#!/usr/bin/env node
// What `npm test` needs on this machine besides Node.js, npm and the running
// PostgreSQL, Redis and RabbitMQ. `npm test` runs this first, and `npm start`
// runs it with `--for=start`, which checks only what the started platform
// needs (execution-service's sandbox and toolchains; no browser, no kubectl):
// - everything present: exits 0 at once, running nothing;
// - something missing, and we are root with apt-get (Debian, as CI is):
//   installs the Debian packages, streaming apt-get's output, and checks again;
// - something missing anywhere else: one line on stderr naming the command to
//   run, exit 1.
// Each prerequisite is one entry below: how to tell it is there, the Debian
// package that provides it, why it is needed, and whether `npm start` needs it
// too. (execution-service's python3 is the one the seccomp binding is checked
// with; its node is the one running this.)
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Prerequisite
 * @property {string} name
 * @property {string} debianPackage
 * @property {string} why  the start of the line printed when it is missing
 * @property {(env: NodeJS.ProcessEnv) => {file: string} | {command: string} | {python: string, module: string}} lookFor
 *   an executable file at a path, a command on PATH, or a module that a Python interpreter imports
 * @property {string} [instead]  another way to satisfy it, printed in brackets
 * @property {boolean} [start]  `npm start` needs it too (execution-service runs with the platform)
 */

/** @type {Prerequisite[]} */
const PREREQUISITES = [
  {
    name: 'Chromium',
    debianPackage: 'chromium',
    why: "PeerPrep's browser tests need Chromium",
    // The path apps/e2e/playwright.config.ts launches; Playwright never downloads a browser here.
    lookFor: (env) => ({ file: env.CHROMIUM_PATH ?? '/usr/bin/chromium' }),
    instead: 'or set CHROMIUM_PATH',
  },
  {
    name: 'kubectl',
    // Debian 12 has no kubectl of its own; the package comes from the Kubernetes
    // (pkgs.k8s.io) or Google Cloud apt source, which machines of this kind carry.
    debianPackage: 'kubectl',
    why: "PeerPrep's manifest tests render k8s/ with `kubectl kustomize`",
    lookFor: () => ({ command: 'kubectl' }),
    instead: 'from the Kubernetes apt source; no cluster is needed',
  },
  {
    name: 'rabbitmq-server',
    debianPackage: 'rabbitmq-server',
    why: "the messaging outbox's fault test restarts a private RabbitMQ node of its own (never the shared one)",
    lookFor: (env) => ({ file: env.RABBITMQ_SERVER_BIN ?? '/usr/lib/rabbitmq/bin/rabbitmq-server' }),
    instead: 'or set RABBITMQ_SERVER_BIN',
  },
  {
    name: 'bubblewrap',
    debianPackage: 'bubblewrap',
    why: "execution-service runs every compile and test in a bubblewrap sandbox (its tests too)",
    lookFor: () => ({ command: 'bwrap' }),
    start: true,
  },
  {
    name: 'prlimit',
    debianPackage: 'util-linux',
    why: "execution-service sets each box's resource limits with prlimit",
    lookFor: () => ({ command: 'prlimit' }),
    start: true,
  },
  {
    name: "libseccomp's Python binding",
    debianPackage: 'python3-seccomp',
    why: "execution-service writes its sandbox's seccomp filter with libseccomp's Python binding",
    // The interpreter execution-service's SECCOMP_PYTHON names (default: Debian's, not a pyenv shim).
    lookFor: (env) => ({ python: env.SECCOMP_PYTHON ?? '/usr/bin/python3', module: 'seccomp' }),
    instead: 'or set SECCOMP_PYTHON to a python3 that has it',
    start: true,
  },
  {
    name: 'g++',
    debianPackage: 'g++',
    why: "execution-service compiles C++17 submissions with g++",
    lookFor: () => ({ command: 'g++' }),
    start: true,
  },
  {
    name: 'javac (OpenJDK 17)',
    debianPackage: 'openjdk-17-jdk-headless',
    why: "execution-service compiles and runs Java submissions with OpenJDK 17",
    lookFor: () => ({ command: 'javac' }),
    start: true,
  },
];

/** `--for=start`: only what `npm start` needs; otherwise (npm test) everything. */
const forStart = process.argv.slice(2).includes('--for=start');
const needed = forStart ? PREREQUISITES.filter((prerequisite) => prerequisite.start) : PREREQUISITES;

function isPresent(prerequisite, env) {
  const target = prerequisite.lookFor(env);
  if ('python' in target) return spawnSync(target.python, ['-c', `import ${target.module}`], { stdio: 'ignore' }).status === 0;
  return 'file' in target ? isExecutableFile(target.file) : findOnPath(target.command, env.PATH) !== undefined;
}

function describeLocation(prerequisite, env) {
  const target = prerequisite.lookFor(env);
  if ('python' in target) return `importable by ${target.python}`;
  return 'file' in target ? `at ${target.file}` : `on PATH as ${target.command}`;
}

function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(command, searchPath = '') {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, command))
    .find(isExecutableFile);
}

/** The one line for a machine where this script cannot install: what is missing and the command that fixes it. */
function whatToRun(missing) {
  const packages = missing.map((p) => p.debianPackage).join(' ');
  const instead = missing.flatMap((p) => (p.instead ? [p.instead] : [])).join('; ');
  return `${missing.map((p) => p.why).join('; ')}: run \`sudo apt-get install -y ${packages}\`${instead ? ` (${instead})` : ''}`;
}

function aptGet(executable, args) {
  const command = `apt-get ${args.join(' ')}`;
  console.log(`[prerequisites] ${command}`);
  const result = spawnSync(executable, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    const how = result.error ? result.error.message : result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    console.error(`[prerequisites] \`${command}\` failed (${how}); fix what it printed above, then run npm ${forStart ? 'start' : 'test'} again`);
    process.exit(1);
  }
}

const missing = needed.filter((prerequisite) => !isPresent(prerequisite, process.env));
if (missing.length > 0) {
  const aptGetPath = findOnPath('apt-get', process.env.PATH);
  if (process.getuid?.() !== 0 || !aptGetPath) {
    console.error(whatToRun(missing));
    process.exit(1);
  }
  const packages = missing.map((p) => p.debianPackage);
  console.log(`[prerequisites] installing ${missing.map((p) => `${p.name} (Debian package ${p.debianPackage})`).join(', ')}: ${missing.map((p) => p.why).join('; ')}`);
  aptGet(aptGetPath, ['update', '-qq']);
  aptGet(aptGetPath, ['install', '-y', '-qq', ...packages]);
  const stillMissing = missing.filter((prerequisite) => !isPresent(prerequisite, process.env));
  if (stillMissing.length > 0) {
    const where = stillMissing.map((p) => `${p.name} ${describeLocation(p, process.env)}`).join(' or ');
    console.error(`[prerequisites] apt-get installed ${packages.join(' ')}, but there is still no ${where}`);
    process.exit(1);
  }
  console.log(`[prerequisites] installed ${packages.join(' ')}`);
}
