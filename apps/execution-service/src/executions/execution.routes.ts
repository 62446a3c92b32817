import { EXECUTIONS_PATH, MAX_SOURCE_BYTES, executionRequestSchema, type ExecutionRequest, type ExecutionResult } from '@peerprep/contracts';
import { HttpProblem, requireInternalCaller, validate } from '@peerprep/service-kit';
import { Router, type RequestHandler } from 'express';
import type { Executor } from './execution.service';

/** 413 for source above MAX_SOURCE_BYTES, measured in UTF-8 bytes before anything else looks at it. */
const refuseLargeSource: RequestHandler = (req, _res, next) => {
  const code: unknown = (req.body as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && Buffer.byteLength(code) > MAX_SOURCE_BYTES) {
    next(new HttpProblem(413, `The code is larger than ${MAX_SOURCE_BYTES / 1024} KiB`));
    return;
  }
  next();
};

/**
 * Internal and synchronous for now: a service sends a submission with its
 * tests and waits for the verdicts. The gateway routes nothing under /internal.
 */
export function executionRoutes({ executor, internalToken }: { executor: Executor; internalToken: string }): Router {
  const router = Router();
  router.post(
    EXECUTIONS_PATH,
    requireInternalCaller(internalToken),
    refuseLargeSource,
    validate(executionRequestSchema, 'body'),
    async (req, res) => {
      const result = await executor.execute(req.body as ExecutionRequest);
      res.json(result satisfies ExecutionResult);
    },
  );
  return router;
}
