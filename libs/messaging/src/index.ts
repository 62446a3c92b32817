export * from './messaging';
export * from './idempotency';
export * from './errors';
export * from './naming';
export * from './config';
export { messagingDependency } from './dependency';
export { buildEnvelope, decodeEnvelope, type DecodeResult } from './codec';
export * from './work-queue';
