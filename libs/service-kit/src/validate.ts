import type { FieldError, FieldLocation } from '@peerprep/contracts';
import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { ValidationError } from './errors';
import { HttpProblem } from './problem';
import { findUnstorableValue } from './unstorable';

const fieldName = (path: PropertyKey[]) => (path.length > 0 ? path.map(String).join('.') : '(root)');

export function fieldErrorsFromZod(error: z.ZodError, location: FieldLocation): FieldError[] {
  return error.issues.flatMap((issue) =>
    // A strict object names its unknown keys in one issue at the object's
    // path; each key is the field at fault, so each gets its own entry.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), location, message: `Unrecognized key: ${JSON.stringify(key)}` }))
      : [{ field: fieldName(issue.path), location, message: issue.message }],
  );
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function replaceLocation(req: Request, location: FieldLocation, value: unknown): void {
  switch (location) {
    case 'query':
      // Express 5 exposes req.query as a getter that re-parses the URL on each
      // read; an own property on the request shadows it with the parsed value.
      Object.defineProperty(req, 'query', { value, writable: true, configurable: true, enumerable: true });
      return;
    case 'headers':
      // Merge, never replace: the schema names a few headers, the request
      // carries many more that other middleware still needs.
      Object.assign(req.headers, value);
      return;
    case 'params':
      req.params = value as Request['params'];
      return;
    case 'body':
      req.body = value;
      return;
  }
}

/**
 * Validates `req[location]` with a zod schema and replaces it with the parsed
 * value (so handlers read coerced, defaulted data from req.body / req.query /
 * req.params; headers are merged). A failure becomes a 400 naming each field;
 * a body route sent something other than JSON gets 415. Before the schema,
 * what no schema makes safe (U+0000, hostile nesting: `findUnstorableValue`)
 * is a 400 naming its field too.
 */
export function validate<S extends z.ZodType>(schema: S, location: FieldLocation): RequestHandler {
  return (req, _res, next) => {
    if (location === 'body' && hasBody(req) && !req.is(['application/json', 'application/*+json'])) {
      next(new HttpProblem(415, 'The request body must be application/json'));
      return;
    }
    const unstorable = findUnstorableValue(req[location], location);
    if (unstorable) {
      next(new ValidationError('The request is invalid', [unstorable]));
      return;
    }
    const result = schema.safeParse(req[location]);
    if (!result.success) {
      next(new ValidationError('The request is invalid', fieldErrorsFromZod(result.error, location)));
      return;
    }
    replaceLocation(req, location, result.data);
    next();
  };
}
