import type { EventEnvelope, Question } from '@peerprep/contracts';
import { createEvent } from '@peerprep/messaging';

export type QuestionChange = 'question.created' | 'question.updated' | 'question.deleted';

/**
 * The event announcing a question change, for the repository to commit to the
 * outbox in the change's own transaction (the outbox relay publishes it once
 * committed, through broker outages and restarts of this service).
 */
export function questionEvent(type: QuestionChange, question: Question, correlationId?: string): EventEnvelope {
  const topics = question.topics.map((topic) => topic.slug);
  const base = { questionId: question.id, slug: question.slug, difficulty: question.difficulty, topics };
  return type === 'question.deleted'
    ? createEvent(type, base, { correlationId })
    : createEvent(type, { ...base, title: question.title }, { correlationId });
}

/** Announces a question change's event in the same transaction as the change. */
export type AnnounceInTransaction = (question: Question) => EventEnvelope;
