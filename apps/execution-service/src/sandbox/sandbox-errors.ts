/**
 * The host cannot give the sandbox what it needs (no bwrap, user namespaces
 * refused, no libseccomp...). The service refuses to start with this message:
 * it never runs code unsandboxed.
 */
export class SandboxUnavailableError extends Error {
  constructor(missing: string) {
    super(`the code sandbox cannot run on this host: ${missing}`);
    this.name = 'SandboxUnavailableError';
  }
}
