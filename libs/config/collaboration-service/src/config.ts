import { authEnvSchema } from '@peerprep/auth';
import { eventsEnvVariables } from '@peerprep/messaging';
import {
  baseEnvSchema,
  connectionVariables,
  millisecondsVariable,
  internalTokenVariable,
  portVariable,
  refuseDevInternalTokenInProduction,
} from '@peerprep/service-kit';
import { EXECUTION_JOBS_QUEUE } from '@peerprep/contracts';
import { z } from 'zod';

/** TURN_SECRET's local default: good for `npm start` only (where no TURN server runs), refused in production with TURN_URLS. */
export const DEV_TURN_SECRET = 'peerprep-dev-turn-secret';

/** TURN_URLS: comma-separated `turn:`/`turns:` (or `stun:`) URLs of the call's TURN server; empty (the default) for none. */
const turnUrlList = z
  .string()
  .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^(turns?|stun):[^\s,]+$/, 'each URL must be a turn:, turns: or stun: URL such as turn:turn.example.com:3478?transport=udp')));

export const collaborationEnvSchema = baseEnvSchema.extend({
  ...authEnvSchema.shape,
  PORT: portVariable(3005),
  DATABASE_URL: connectionVariables.postgres('peerprep_collaboration'),
  REDIS_URL: connectionVariables.redis(),
  AMQP_URL: connectionVariables.amqp(),
  /** EVENTS_EXCHANGE / EVENTS_QUEUE: where it consumes match and account events from. */
  ...eventsEnvVariables('collaboration-service'),
  /** Asked for a question that fits a new room (its internal picker). */
  QUESTION_SERVICE_URL: connectionVariables.http('http://127.0.0.1:3003'),
  /** Shared with question-service: sent in `x-internal-token` to its picker. */
  INTERNAL_API_TOKEN: internalTokenVariable(),
  /** Every Redis pub/sub channel of the editor fan-out starts with this (tests use their own). */
  COLLAB_KEY_PREFIX: z.string().min(1).max(100).default('collab:'),
  /**
   * Document updates received within this window are written to Postgres in
   * one statement. Clients resend what a crash lost when they reconnect; a
   * shorter window means more statements, which cost every edit latency (see README).
   */
  COLLAB_FLUSH_INTERVAL_MS: millisecondsVariable(200),
  /** A room's update log is merged into its snapshot once it holds this many rows. */
  COLLAB_COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(1000),
  /** How often every editor socket is pinged; one that missed the previous ping is cut off. */
  COLLAB_HEARTBEAT_MS: millisecondsVariable(30_000, 100),
  /** Editor sockets one user may hold on one replica (open or being admitted); one more is closed with 4429. */
  COLLAB_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(16),
  /** How long a room with no connection stays in memory (0: freed at once). */
  COLLAB_ROOM_LINGER_MS: millisecondsVariable(0, 0),
  /** An open room with no edit and no connection for this long is closed by the system (attempts saved). */
  COLLAB_IDLE_CLOSE_MS: millisecondsVariable(30 * 60 * 1000),
  /** How often each replica records its rooms' activity and looks for idle rooms. */
  COLLAB_IDLE_SWEEP_MS: millisecondsVariable(60_000),
  /** How long a replica that loads a room waits for the others' state before ending it. */
  COLLAB_END_SETTLE_MS: millisecondsVariable(150, 0),
  /** execution-service's work queue, where Runs and Submits go (the same name and bound as execution-service's). */
  EXECUTION_JOBS_QUEUE: z.string().min(1).max(200).default(EXECUTION_JOBS_QUEUE),
  /** Jobs the queue holds at most; past it a new run gets 503 with Retry-After. Must equal execution-service's. */
  EXECUTION_QUEUE_MAX_LENGTH: z.coerce.number().int().min(1).max(1_000_000).default(500),
  /** New runs (Run or Submit, in rooms and alone) one user may start per minute; one more is a 429. */
  RUNS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** A run not finished this long after it was queued is failed (the execution replicas gone, its events lost). */
  RUN_STALE_MS: millisecondsVariable(10 * 60 * 1000),
  /** The TURN server of the rooms' calls (coturn); none by default: the two browsers connect directly (one machine or a LAN). */
  TURN_URLS: turnUrlList.default([]),
  /** coturn's `--static-auth-secret`: each call's TURN credential is an HMAC of it (coturn's REST scheme). */
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_TURN_SECRET),
  /** How long a TURN credential works (it is fetched when a call starts, so one call may outlive it only by reconnecting). */
  TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).max(24 * 60 * 60).default(3600),
  /**
   * Tests and the e2e only: every mock-interview round lasts this many
   * seconds instead of half the room's minutes, so a whole interview runs in
   * seconds. Unset (or empty) by default; refused in production.
   */
  INTERVIEW_ROUND_SECONDS_OVERRIDE: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(1).max(60 * 60).optional(),
  ),
});

export type CollaborationConfig = z.infer<typeof collaborationEnvSchema>;

/**
 * What the service itself boots with: the development internal token is
 * refused in production, and a sweep must come round several times within
 * the idle window (a replica records its connected rooms' activity only when
 * it sweeps, so a slower sweep could close a room someone is still in),
 * a production TURN server must not run on the development secret
 * (anyone who read this repository could mint credentials for it), and
 * test-length interview rounds never reach production.
 */
export const collaborationServiceEnvSchema = refuseDevInternalTokenInProduction(collaborationEnvSchema, 'question-service').superRefine(
  (config, ctx) => {
    if (config.COLLAB_IDLE_SWEEP_MS * 3 > config.COLLAB_IDLE_CLOSE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['COLLAB_IDLE_SWEEP_MS'],
        message: 'must be at most a third of COLLAB_IDLE_CLOSE_MS',
      });
    }
    if (config.NODE_ENV === 'production' && config.INTERVIEW_ROUND_SECONDS_OVERRIDE !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['INTERVIEW_ROUND_SECONDS_OVERRIDE'],
        message: 'is for tests only: a production interview lasts the minutes its room agreed',
      });
    }
    if (config.NODE_ENV === 'production' && config.TURN_URLS.length > 0 && config.TURN_SECRET === DEV_TURN_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TURN_SECRET'],
        message: 'must be set to the secret shared with the TURN server in production (not the development default)',
      });
    }
  },
);
