import { z } from 'zod';

/** RFC 9457 media type of every error body in the platform. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Stable problem `type` URIs, so clients branch on the kind of failure rather
 * than on wording. URNs because nothing is served at these identifiers.
 */
export const problemTypes = {
  validation: 'urn:peerprep:problem:validation',
  unauthorized: 'urn:peerprep:problem:unauthorized',
  forbidden: 'urn:peerprep:problem:forbidden',
  notFound: 'urn:peerprep:problem:not-found',
  conflict: 'urn:peerprep:problem:conflict',
  payloadTooLarge: 'urn:peerprep:problem:payload-too-large',
  unsupportedMediaType: 'urn:peerprep:problem:unsupported-media-type',
  rateLimited: 'urn:peerprep:problem:rate-limited',
  internal: 'urn:peerprep:problem:internal',
  badGateway: 'urn:peerprep:problem:bad-gateway',
  gatewayTimeout: 'urn:peerprep:problem:gateway-timeout',
  unavailable: 'urn:peerprep:problem:unavailable',
} as const;
export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];

export const FIELD_LOCATIONS = ['body', 'query', 'params', 'headers'] as const;
export const fieldLocationSchema = z.enum(FIELD_LOCATIONS);
export type FieldLocation = z.infer<typeof fieldLocationSchema>;

/**
 * One field at fault. `field` is a dotted path (`topics.0`, `entryPoint.params.1.type`);
 * the frontend shows `message` beside the matching form field. A 409 uses the
 * same shape to name the taken field (username or email).
 */
export const fieldErrorSchema = z.object({
  field: z.string(),
  location: fieldLocationSchema,
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemDetailsSchema = z.object({
  type: z.string().min(1),
  title: z.string().min(1),
  status: z.number().int().min(100).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** The request id (also in the `x-request-id` header), for finding the logs. */
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** Mirrors the Retry-After header of a 429 or 503. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
