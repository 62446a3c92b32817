import { z } from 'zod';
import { DIFFICULTIES, LANGUAGES, PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './constants';

export { DIFFICULTIES, LANGUAGES, PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, ROLES } from './constants';

/** The body of a 204 answer: none. */
export const noContentSchema = z.void();

// The few schemas the session needs live in session.ts, so that restoring a
// session on a page builds them alone (see there); every area gets them here.
export { idSchema, isoDateTimeSchema, roleSchema, type Id, type IsoDateTime, type Role } from './session';

export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;

export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/**
 * Query strings arrive as strings, so page numbers are coerced. Absent values
 * take the defaults; anything else out of range is a 400, never silently clamped.
 */
export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

/** Every list response: one page of items plus the total across all pages. */
export function paginated<TItem extends z.ZodType>(itemSchema: TItem) {
  return z.object({
    items: z.array(itemSchema),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}
export type Paginated<TItem> = { items: TItem[]; total: number; page: number; pageSize: number };

/**
 * An optional free-text search parameter. Blank means "no search", so an empty
 * `?q=` from a cleared search box does not filter everything out.
 */
export function searchTextSchema(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .optional()
    .transform((value) => (value ? value : undefined));
}

/** What the OpenAPI generator needs to document a query list in both of its forms. */
export interface QueryListMeta {
  item: z.ZodType;
  maxItems: number;
}

/**
 * Every schema made by queryListSchema, with its item schema, for the OpenAPI
 * generator. A plain WeakMap rather than a zod registry: zod's global one stays
 * untouched and nothing here needs zod's metadata typing.
 */
export const queryListRegistry = new WeakMap<z.ZodType, QueryListMeta>();

/**
 * A list in a query string, accepted both as `?k=a,b` and as `?k=a&k=b`
 * (Express's parser yields a string for one value and an array for several).
 * Blank entries are dropped, so `?k=` means "no filter".
 */
export function queryListSchema<TItem extends z.ZodType<string>>(itemSchema: TItem, maxItems: number) {
  const schema = z
    .preprocess((raw) => {
      if (raw === undefined) return undefined;
      const values = Array.isArray(raw) ? raw : [raw];
      return values
        .flatMap((value) => (typeof value === 'string' ? value.split(',') : [value]))
        .map((value) => (typeof value === 'string' ? value.trim() : value))
        .filter((value) => value !== '');
    }, z.array(itemSchema).max(maxItems))
    .optional();
  queryListRegistry.set(schema, { item: itemSchema, maxItems });
  return schema;
}

/** `GET /healthz`: the process is alive; it says nothing about dependencies. */
export const healthResponseSchema = z.object({ status: z.literal('ok') });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const dependencyCheckSchema = z.object({
  status: z.enum(['up', 'down']),
  /** Why a dependency is down; never a secret or a stack trace. */
  error: z.string().optional(),
});
export type DependencyCheck = z.infer<typeof dependencyCheckSchema>;

/** `GET /readyz`: 200 when every dependency answers, 503 naming each one down. */
export const readinessResponseSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), dependencyCheckSchema),
  /** Set when not ready for a reason other than a dependency, e.g. shutting down. */
  reason: z.string().optional(),
});
export type ReadinessResponse = z.infer<typeof readinessResponseSchema>;

/**
 * A whole number in a path segment (which arrives as a string). Not
 * `z.coerce.number()`: that turns null into 0, so a range starting at 0 would
 * accept null and the OpenAPI generator then documents the parameter as
 * optional and nullable.
 */
export const pathInteger = (min: number, max: number) =>
  z.preprocess((value) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value), z.number().int().min(min).max(max));
