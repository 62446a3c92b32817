import type {
  Difficulty,
  DifficultyCounts,
  ListQuestionsQuery,
  PickQuestionRequest,
  QuestionSort,
  QuestionSummary,
  QuestionsPage,
  Topic,
  TopicWithCounts,
} from '@peerprep/contracts';
import type { PrismaClient } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { toPrefixTsQuery } from './search-text';

/*
 * The hot reads, as hand-written SQL through $queryRaw: Prisma's findMany with
 * include plus count issues four statements and costs several times the CPU of
 * one query (docs/architecture.md, "Performance"). Writes stay in the repository.
 */

/** Must stay identical to the expression of the GIN index questions_search_idx (question_bank migration). */
const SEARCH_DOCUMENT = Prisma.raw(`to_tsvector('english', q.title || ' ' || q.statement)`);
/** Ranking only runs on matching rows, so it can afford to weigh a title hit above a statement hit. */
const RANK_DOCUMENT = Prisma.raw(
  `setweight(to_tsvector('english', q.title), 'A') || setweight(to_tsvector('english', q.statement), 'B')`,
);

interface ListRow {
  id: string;
  slug: string;
  title: string;
  difficulty: Difficulty;
  created_at: Date | string;
  topics: Topic[];
  total: number;
}

function isoString(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** Question filters shared by the list and the picker; `q` is the table alias. */
function filters({
  difficulty,
  topics,
  tsQuery,
  excludeIds,
}: {
  difficulty?: Difficulty;
  topics?: string[];
  tsQuery?: string;
  excludeIds?: string[];
}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (difficulty) conditions.push(Prisma.sql`q.difficulty = ${difficulty}::difficulty`);
  if (topics && topics.length > 0) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM question_topics qt JOIN topics t ON t.id = qt.topic_id
      WHERE qt.question_id = q.id AND t.slug = ANY(${topics}::text[]))`);
  }
  if (tsQuery !== undefined) conditions.push(Prisma.sql`${SEARCH_DOCUMENT} @@ to_tsquery('english', ${tsQuery})`);
  if (excludeIds && excludeIds.length > 0) conditions.push(Prisma.sql`q.id <> ALL(${excludeIds}::uuid[])`);
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

/** Every order ends with the id, so pages never overlap or skip rows that tie. */
function orderBy(sort: QuestionSort, tsQuery: string | undefined, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}.${name}`);
  switch (sort) {
    case 'relevance':
      return tsQuery === undefined
        ? orderBy('newest', tsQuery, alias)
        : // An output column: named bare inside the page query, through the alias outside it.
          Prisma.sql`${Prisma.raw(alias === 'q' ? 'search_rank' : `${alias}.search_rank`)} DESC, ${column('created_at')} DESC, ${column('id')}`;
    case 'oldest':
      return Prisma.sql`${column('created_at')} ASC, ${column('id')}`;
    case 'title':
      return Prisma.sql`${column('title')} ASC, ${column('id')}`;
    case 'difficulty':
      // The enum sorts in declaration order: EASY, MEDIUM, HARD.
      return Prisma.sql`${column('difficulty')} ASC, ${column('title')} ASC, ${column('id')}`;
    case 'newest':
      return Prisma.sql`${column('created_at')} DESC, ${column('id')}`;
  }
}

export function createQuestionQueries(prisma: PrismaClient) {
  async function countMatching(where: Prisma.Sql): Promise<number> {
    const [row] = await prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM questions q ${where}`;
    return row?.total ?? 0;
  }

  return {
    /**
     * One page and the total in ONE statement: count(*) OVER () is computed
     * before LIMIT, and the topics are aggregated for the page's rows only.
     * Only a page past the end (no row to carry the total) costs a second,
     * counting query.
     */
    async listQuestions(query: ListQuestionsQuery): Promise<QuestionsPage> {
      const { page, pageSize, difficulty, topics } = query;
      // A search whose words all vanish (punctuation only) matches nothing.
      const tsQuery = query.q === undefined ? undefined : (toPrefixTsQuery(query.q) ?? '');
      const sort = query.sort ?? (tsQuery === undefined ? 'newest' : 'relevance');
      const where = filters({ difficulty, topics, tsQuery });
      const rank =
        tsQuery === undefined
          ? Prisma.sql`0::real`
          : Prisma.sql`ts_rank(${RANK_DOCUMENT}, to_tsquery('english', ${tsQuery}))`;

      const rows = await prisma.$queryRaw<ListRow[]>`
        WITH page AS (
          SELECT q.id, q.slug, q.title, q.difficulty, q.created_at, ${rank} AS search_rank,
                 (count(*) OVER ())::int AS total
          FROM questions q
          ${where}
          ORDER BY ${orderBy(sort, tsQuery, 'q')}
          LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
        )
        SELECT p.id, p.slug, p.title, p.difficulty::text AS difficulty, p.created_at, p.total,
               COALESCE(
                 (SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name)
                  FROM question_topics qt JOIN topics t ON t.id = qt.topic_id
                  WHERE qt.question_id = p.id),
                 '[]'::json) AS topics
        FROM page p
        ORDER BY ${orderBy(sort, tsQuery, 'p')}`;

      const items: QuestionSummary[] = rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        title: row.title,
        difficulty: row.difficulty,
        topics: row.topics,
        createdAt: isoString(row.created_at),
      }));
      const total = rows[0]?.total ?? (page > 1 ? await countMatching(where) : 0);
      return { items, total, page, pageSize };
    },

    /** Topics that have at least one question, with their counts per difficulty, by name. */
    async listTopicsWithCounts(): Promise<TopicWithCounts[]> {
      const rows = await prisma.$queryRaw<{ slug: string; name: string; easy: number; medium: number; hard: number }[]>`
        SELECT t.slug, t.name,
               (count(*) FILTER (WHERE q.difficulty = 'EASY'))::int AS easy,
               (count(*) FILTER (WHERE q.difficulty = 'MEDIUM'))::int AS medium,
               (count(*) FILTER (WHERE q.difficulty = 'HARD'))::int AS hard
        FROM topics t
        JOIN question_topics qt ON qt.topic_id = t.id
        JOIN questions q ON q.id = qt.question_id
        GROUP BY t.id, t.slug, t.name
        ORDER BY t.name`;
      return rows.map(({ slug, name, easy, medium, hard }) => ({
        slug,
        name,
        counts: { EASY: easy, MEDIUM: medium, HARD: hard },
        total: easy + medium + hard,
      }));
    },

    /** Questions per difficulty in the whole bank. */
    async countByDifficulty(): Promise<DifficultyCounts> {
      const [row] = await prisma.$queryRaw<{ easy: number; medium: number; hard: number }[]>`
        SELECT (count(*) FILTER (WHERE difficulty = 'EASY'))::int AS easy,
               (count(*) FILTER (WHERE difficulty = 'MEDIUM'))::int AS medium,
               (count(*) FILTER (WHERE difficulty = 'HARD'))::int AS hard
        FROM questions`;
      return { EASY: row?.easy ?? 0, MEDIUM: row?.medium ?? 0, HARD: row?.hard ?? 0 };
    },

    /** The id of a random question that fits, or null when none does. */
    async pickQuestionId({ difficulty, topics, excludeIds }: PickQuestionRequest): Promise<string | null> {
      const [row] = await prisma.$queryRaw<{ id: string }[]>`
        SELECT q.id FROM questions q
        ${filters({ difficulty, topics, excludeIds })}
        ORDER BY random()
        LIMIT 1`;
      return row?.id ?? null;
    },
  };
}

export type QuestionQueries = ReturnType<typeof createQuestionQueries>;
