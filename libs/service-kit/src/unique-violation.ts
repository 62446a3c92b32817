interface DriverAdapterConstraint {
  fields?: string[];
  index?: string;
}

interface PrismaKnownRequestErrorShape {
  name: string;
  code: string;
  meta?: unknown;
}

function isUniqueViolation(error: unknown): error is PrismaKnownRequestErrorShape {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as PrismaKnownRequestErrorShape).name === 'PrismaClientKnownRequestError' &&
    (error as PrismaKnownRequestErrorShape).code === 'P2002'
  );
}

/**
 * The columns (or index) a Prisma unique-constraint violation (P2002) names,
 * or null when `error` is not one. Matched by shape, so the kit needs no
 * service's generated client. With the pg driver adapter the detail sits
 * under `meta.driverAdapterError`; an expression index such as lower(email)
 * shows up as a field like "lower(email".
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!isUniqueViolation(error)) return null;
  const meta = (error.meta ?? {}) as {
    target?: string | string[];
    driverAdapterError?: { cause?: { constraint?: DriverAdapterConstraint } };
  };
  const constraint = meta.driverAdapterError?.cause?.constraint;
  const target = meta.target ?? constraint?.fields ?? constraint?.index ?? [];
  return Array.isArray(target) ? target : [target];
}
