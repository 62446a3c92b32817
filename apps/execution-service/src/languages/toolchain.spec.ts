import { firstExecutable, TOOL_CANDIDATES, toolPath } from './toolchain';

describe('toolchain paths (Debian /usr/bin, or the Alpine image’s JDK folder)', () => {
  it('takes the first candidate that exists', () => {
    const alpine = new Set(['/usr/lib/jvm/java-17-openjdk/bin/javac']);
    expect(firstExecutable(TOOL_CANDIDATES.javac, (file) => alpine.has(file))).toBe('/usr/lib/jvm/java-17-openjdk/bin/javac');
    const debian = new Set(['/usr/bin/javac', '/usr/lib/jvm/java-17-openjdk/bin/javac']);
    expect(firstExecutable(TOOL_CANDIDATES.javac, (file) => debian.has(file))).toBe('/usr/bin/javac');
  });

  it('falls back to the first candidate when none exists, so the failing box names it', () => {
    expect(firstExecutable(TOOL_CANDIDATES.java, () => false)).toBe('/usr/bin/java');
  });

  it('resolves every tool to a path under /usr or /bin, which every box gets read-only', () => {
    for (const tool of Object.keys(TOOL_CANDIDATES) as (keyof typeof TOOL_CANDIDATES)[]) {
      expect(toolPath(tool)).toMatch(/^\/(usr\/|bin\/)/);
    }
  });
});
