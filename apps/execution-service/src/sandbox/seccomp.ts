import { execFile } from 'node:child_process';
import { SandboxUnavailableError } from './sandbox-errors';

/**
 * The boxes' seccomp filter, written at start by libseccomp (the Python
 * binding, Debian `python3-seccomp`) for the architecture the service runs on,
 * so no precompiled BPF can go stale or mismatch the CPU. Everything a
 * solution never needs is refused with an errno (not a kill, so the program
 * sees an ordinary error): tracing other processes, mounting, new namespaces,
 * kernel keyrings, eBPF, io_uring, and sockets of the internet, packet and
 * netlink families (the box has no network anyway; this is the second wall).
 * clone3 answers ENOSYS: its flags live in memory a filter cannot read, and
 * glibc then falls back to clone, whose namespace flags are checked here.
 */
const GENERATOR = String.raw`
import errno, socket, sys, tempfile
import seccomp

f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
deny = seccomp.ERRNO(errno.EPERM)
for name in [
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp",
    "mount", "umount2", "pivot_root", "chroot", "mount_setattr",
    "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree", "open_by_handle_at",
    "unshare", "setns",
    "bpf", "perf_event_open", "userfaultfd",
    "keyctl", "add_key", "request_key",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "acct", "swapon", "swapoff", "reboot", "syslog", "quotactl",
]:
    f.add_rule(deny, name)
f.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
CLONE_NEW = [0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000]
for flag in CLONE_NEW:
    f.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
for family in [socket.AF_INET, socket.AF_INET6, socket.AF_PACKET, socket.AF_NETLINK]:
    f.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.EQ, family))
with tempfile.TemporaryFile() as out:
    f.export_bpf(out)
    out.seek(0)
    sys.stdout.buffer.write(out.read())
`;

export async function buildSeccompFilter(python: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(python, ['-c', GENERATOR], { encoding: 'buffer', env: {}, timeout: 10_000 }, (error, stdout, stderr) => {
      if (error || stdout.length === 0 || stdout.length % 8 !== 0) {
        reject(
          new SandboxUnavailableError(
            `the seccomp filter could not be written with ${python} and libseccomp (Debian: apt-get install python3-seccomp): ${
              stderr.toString().trim().split('\n').pop() || error?.message || 'empty program'
            }`,
          ),
        );
        return;
      }
      resolve(stdout);
    });
  });
}
