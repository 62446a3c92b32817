import { z } from 'zod';
import { paginated, paginationQuerySchema, queryListSchema, searchTextSchema } from './common';
import { problemDetailsSchema } from './problem';

describe('paginationQuerySchema', () => {
  it('defaults to page 1 of 20 when nothing is given', () => {
    expect(paginationQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('coerces query-string numbers', () => {
    expect(paginationQuerySchema.parse({ page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50 });
  });

  it.each([
    ['page 0', { page: '0' }],
    ['a negative page', { page: '-1' }],
    ['a fractional page', { page: '1.5' }],
    ['a non-numeric page', { page: 'abc' }],
    ['an empty page', { page: '' }],
    ['pageSize 0', { pageSize: '0' }],
    ['pageSize above 100', { pageSize: '101' }],
  ])('rejects %s instead of clamping it', (_label, query) => {
    expect(paginationQuerySchema.safeParse(query).success).toBe(false);
  });

  it('accepts the largest page size', () => {
    expect(paginationQuerySchema.parse({ pageSize: '100' }).pageSize).toBe(100);
  });
});

describe('paginated', () => {
  const page = paginated(z.object({ id: z.string() }));

  it('accepts items with their total and paging', () => {
    expect(page.safeParse({ items: [{ id: 'a' }], total: 41, page: 1, pageSize: 20 }).success).toBe(true);
  });

  it('requires the total', () => {
    expect(page.safeParse({ items: [], page: 1, pageSize: 20 }).success).toBe(false);
  });
});

describe('queryListSchema', () => {
  const schema = z.object({ tags: queryListSchema(z.string().regex(/^[a-z]+$/), 3) });

  it('splits a comma list', () => {
    expect(schema.parse({ tags: 'a,b' }).tags).toEqual(['a', 'b']);
  });

  it('accepts a repeated parameter, each possibly a comma list', () => {
    expect(schema.parse({ tags: ['a', 'b,c'] }).tags).toEqual(['a', 'b', 'c']);
  });

  it('treats an absent or blank parameter as no filter', () => {
    expect(schema.parse({}).tags).toBeUndefined();
    expect(schema.parse({ tags: '' }).tags).toEqual([]);
    expect(schema.parse({ tags: ' , ' }).tags).toEqual([]);
  });

  it('validates each entry and the number of entries', () => {
    expect(schema.safeParse({ tags: 'a,B' }).success).toBe(false);
    expect(schema.safeParse({ tags: 'a,b,c,d' }).success).toBe(false);
  });
});

describe('searchTextSchema', () => {
  const schema = z.object({ q: searchTextSchema(10) });

  it('trims the text and treats blank as no search', () => {
    expect(schema.parse({ q: '  two sum ' }).q).toBe('two sum');
    expect(schema.parse({ q: '   ' }).q).toBeUndefined();
  });

  it('rejects text past its limit', () => {
    expect(schema.safeParse({ q: 'x'.repeat(11) }).success).toBe(false);
  });
});

describe('problemDetailsSchema', () => {
  it('accepts a validation problem naming its fields', () => {
    const problem = {
      type: 'urn:peerprep:problem:validation',
      title: 'Bad Request',
      status: 400,
      requestId: 'req-1',
      errors: [{ field: 'username', location: 'body', message: 'Too short' }],
    };
    expect(problemDetailsSchema.parse(problem)).toEqual(problem);
  });

  it('rejects a field error with an unknown location', () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'x', location: 'cookie', message: 'bad' }],
    };
    expect(problemDetailsSchema.safeParse(problem).success).toBe(false);
  });
});
