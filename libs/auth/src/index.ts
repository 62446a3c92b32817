export * from './token-extraction';
export * from './tokens';
export * from './verifier';
export * from './express';
export * from './websocket';
export * from './config';
export * from './revocation';
