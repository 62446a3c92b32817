import { Prisma } from '../generated/prisma/client';

interface DriverAdapterConstraint {
  fields?: string[];
  index?: string;
}

/**
 * The columns (or index) a unique-constraint violation names, or null when
 * `error` is not one. With the pg driver adapter the detail sits under
 * `meta.driverAdapterError`; an expression index such as lower(email) shows
 * up as a field like "lower(email".
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null;
  const meta = (error.meta ?? {}) as {
    target?: string | string[];
    driverAdapterError?: { cause?: { constraint?: DriverAdapterConstraint } };
  };
  const constraint = meta.driverAdapterError?.cause?.constraint;
  const target = meta.target ?? constraint?.fields ?? constraint?.index ?? [];
  return Array.isArray(target) ? target : [target];
}
