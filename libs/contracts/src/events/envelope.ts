import { z } from 'zod';

/**
 * Every domain event travels in this envelope. `type` selects the payload
 * schema from the event catalog; `version` lets a payload evolve without
 * breaking consumers that still read the old shape.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  /** Request id of the HTTP call that caused the event, for tracing. */
  correlationId: z.string().optional(),
  payload: z.unknown(),
});

export type EventEnvelope<TType extends string = string, TPayload = unknown> = {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  correlationId?: string;
  payload: TPayload;
};

/** One entry of the catalog: the current version and its payload schema. */
export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  version: number;
  payload: TSchema;
}

export function defineEvent<TSchema extends z.ZodType>(version: number, payload: TSchema): EventDefinition<TSchema> {
  return { version, payload };
}
