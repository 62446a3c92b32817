import { topicsResponseSchema, type Difficulty, type TopicWithCounts } from '@peerprep/contracts';
import { ServiceUnavailableError, ValidationError, type Logger } from '@peerprep/service-kit';

/** Which topics have questions at which difficulty: what a match request may ask for. */
export interface TopicCatalog {
  /** Throws ValidationError naming `difficulty` or `topics.<i>`; ServiceUnavailableError when never loaded. */
  assertAvailable(difficulty: Difficulty, topics: readonly string[]): Promise<void>;
}

export interface HttpTopicCatalogOptions {
  questionServiceUrl: string;
  ttlMs: number;
  logger: Logger;
  /** Bound for one fetch. */
  timeoutMs?: number;
}

/** The rule itself, apart from where the counts come from. */
export function checkTopicsAvailable(
  counts: ReadonlyMap<string, TopicWithCounts['counts']>,
  difficulty: Difficulty,
  topics: readonly string[],
): void {
  const hasDifficulty = [...counts.values()].some((c) => c[difficulty] > 0);
  if (!hasDifficulty) {
    throw new ValidationError('The request is invalid', [
      { field: 'difficulty', location: 'body', message: `There is no ${difficulty} question yet` },
    ]);
  }
  const fields = topics.flatMap((topic, i) => {
    const topicCounts = counts.get(topic);
    if (topicCounts && topicCounts[difficulty] > 0) return [];
    return [
      {
        field: `topics.${i}`,
        location: 'body' as const,
        message: topicCounts ? `No ${difficulty} question has the topic "${topic}"` : `Unknown topic "${topic}"`,
      },
    ];
  });
  if (fields.length > 0) throw new ValidationError('The request is invalid', fields);
}

/**
 * question-service's GET /api/topics, cached for `ttlMs`. After that the
 * cached list is still used while a refresh runs in the background, and kept
 * when the refresh fails (a question-service outage must not stop matching on
 * topics known a moment ago). Only with nothing ever loaded does a request
 * wait for the fetch, and fail closed (503) when it fails: an unchecked topic
 * could wait for a partner that can never get a question.
 */
export function createHttpTopicCatalog(opts: HttpTopicCatalogOptions): TopicCatalog {
  let counts: Map<string, TopicWithCounts['counts']> | undefined;
  let fetchedAt = 0;
  let inFlight: Promise<void> | undefined;
  const url = new URL('/api/topics', opts.questionServiceUrl).toString();

  async function fetchTopics(): Promise<void> {
    const response = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 2_000) });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    const body = topicsResponseSchema.parse(await response.json());
    counts = new Map(body.items.map((topic) => [topic.slug, topic.counts]));
    fetchedAt = Date.now();
  }

  function refresh(): Promise<void> {
    inFlight ??= fetchTopics().finally(() => (inFlight = undefined));
    return inFlight;
  }

  return {
    async assertAvailable(difficulty, topics) {
      if (!counts) {
        try {
          await refresh();
        } catch (error) {
          opts.logger.warn({ err: error }, 'cannot load topics from question-service');
          throw new ServiceUnavailableError('The question bank cannot be reached; try again shortly', { cause: error });
        }
      } else if (Date.now() - fetchedAt > opts.ttlMs && !inFlight) {
        refresh().catch((error: unknown) =>
          opts.logger.warn({ err: error }, 'cannot refresh topics from question-service; using the cached list'),
        );
      }
      checkTopicsAvailable(counts as Map<string, TopicWithCounts['counts']>, difficulty, topics);
    },
  };
}
