import { accessSync, constants, statSync } from 'node:fs';

/**
 * Where a distribution keeps a toolchain's programs, first match wins.
 * Debian (developer machines, CI) links Java 17 into /usr/bin; Alpine (the
 * image, apps/Dockerfile) keeps it in the JDK's own folder only. Both are
 * under /usr, which every box gets read-only (sandbox.ts, rootArgs).
 */
export const TOOL_CANDIDATES = {
  java: ['/usr/bin/java', '/usr/lib/jvm/java-17-openjdk/bin/java'],
  javac: ['/usr/bin/javac', '/usr/lib/jvm/java-17-openjdk/bin/javac'],
  // Debian's coreutils; Alpine's busybox applet. Used by the sandbox's empty probe box.
  true: ['/usr/bin/true', '/bin/true'],
} as const;

export type Tool = keyof typeof TOOL_CANDIDATES;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The first candidate that is an executable file; none is, the first one (a
 * box then fails naming it, as it would have before this lookup existed).
 */
export function firstExecutable(candidates: readonly string[], isExecutable: (file: string) => boolean = isExecutableFile): string {
  return candidates.find((candidate) => isExecutable(candidate)) ?? (candidates[0] as string);
}

const resolved = new Map<Tool, string>();

/** The absolute path of a toolchain program on this host, looked up once (lazily: importing this module touches no file). */
export function toolPath(tool: Tool): string {
  let found = resolved.get(tool);
  if (!found) {
    found = firstExecutable(TOOL_CANDIDATES[tool]);
    resolved.set(tool, found);
  }
  return found;
}
