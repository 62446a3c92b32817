// Browser-safe: zod only. The OpenAPI generator lives in '@peerprep/contracts/openapi'.
export * from './common';
export * from './problem';
export * from './users';
export * from './auth';
export * from './questions';
export * from './rubric';
export * from './matching';
export * from './rooms';
export * from './calls';
export * from './history';
export * from './events';
export * from './executions';
export * from './runs';
export * from './interview';
export * from './clock-offset';
export * from './interviewer-pane';
export * from './feedback';
