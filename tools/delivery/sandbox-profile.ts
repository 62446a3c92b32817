import path from 'node:path';
import { workspaceRoot } from './dockerfile-model';

/**
 * execution-service's container seccomp profile (Docker's JSON format, which
 * containerd also reads for a Kubernetes `Localhost` profile). Docker's and
 * the runtimes' default profiles refuse what bubblewrap does unprivileged
 * (unshare and clone with namespace flags, mount, pivot_root without
 * CAP_SYS_ADMIN); this one allows those and refuses what no box and not the
 * service needs. The boxes get the sandbox's own, stricter filter on top
 * (apps/execution-service/src/sandbox/seccomp.ts).
 */
export const SANDBOX_PROFILE = 'apps/execution-service/deploy/seccomp-profile.json';
export const sandboxProfilePath = path.join(workspaceRoot, SANDBOX_PROFILE);

/** The compose security options of the sandboxed service, and only those (docker-compose.yml says why each). */
export const SANDBOX_SECURITY_OPTIONS = ['no-new-privileges:true', `seccomp=${SANDBOX_PROFILE}`, 'apparmor=unconfined', 'systempaths=unconfined'];

/** What bwrap calls to build a box: it must be allowed, unconditionally. */
const BWRAP_NEEDS = ['clone', 'clone3', 'unshare', 'mount', 'umount2', 'pivot_root'];
/** Container escapes and kernel control: refused, whatever else the profile allows. */
const MUST_DENY = ['ptrace', 'open_by_handle_at', 'kexec_load', 'init_module', 'keyctl', 'userfaultfd', 'io_uring_setup', 'perf_event_open', 'bpf'];
const ACTIONS = new Set(['SCMP_ACT_ALLOW', 'SCMP_ACT_ERRNO', 'SCMP_ACT_KILL', 'SCMP_ACT_KILL_PROCESS', 'SCMP_ACT_KILL_THREAD', 'SCMP_ACT_TRAP', 'SCMP_ACT_LOG']);
const PROFILE_FIELDS = new Set(['defaultAction', 'defaultErrnoRet', 'architectures', 'syscalls']);
const RULE_FIELDS = new Set(['names', 'action', 'errnoRet', 'args', 'comment']);

interface Rule {
  names?: string[];
  action?: string;
  args?: unknown[];
  [field: string]: unknown;
}

/** What is wrong with a seccomp profile for the sandboxed service; empty when it fits. */
export function problemsOfSandboxProfile(profile: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of Object.keys(profile)) if (!PROFILE_FIELDS.has(field)) problems.push(`unknown field ${field}`);
  const rules = (Array.isArray(profile['syscalls']) ? profile['syscalls'] : []) as Rule[];
  rules.forEach((rule, i) => {
    for (const field of Object.keys(rule)) if (!RULE_FIELDS.has(field)) problems.push(`syscalls[${i}]: unknown field ${field}`);
    if (!ACTIONS.has(String(rule.action))) problems.push(`syscalls[${i}]: unknown action ${String(rule.action)}`);
  });
  const defaultAction = String(profile['defaultAction']);
  if (!ACTIONS.has(defaultAction)) problems.push(`unknown defaultAction ${defaultAction}`);
  // The first rule naming a call decides it; a rule with argument conditions decides only some calls.
  const actionOf = (name: string) => {
    const rule = rules.find((r) => r.names?.includes(name));
    if (!rule) return defaultAction;
    return rule.args && rule.args.length > 0 ? 'conditional' : String(rule.action);
  };
  for (const name of BWRAP_NEEDS) if (actionOf(name) !== 'SCMP_ACT_ALLOW') problems.push(`denies ${name}, which bwrap needs`);
  for (const name of MUST_DENY) if (actionOf(name) === 'SCMP_ACT_ALLOW' || actionOf(name) === 'SCMP_ACT_LOG') problems.push(`must deny ${name}`);
  const architectures = profile['architectures'];
  if (!Array.isArray(architectures) || !architectures.includes('SCMP_ARCH_X86_64') || !architectures.includes('SCMP_ARCH_AARCH64')) {
    problems.push('must list the architectures it covers');
  }
  return problems;
}
