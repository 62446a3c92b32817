import type { Question } from '@peerprep/contracts';
import type { Messaging } from '@peerprep/messaging';
import type { Logger } from '@peerprep/service-kit';

export type QuestionChange = 'question.created' | 'question.updated' | 'question.deleted';

/**
 * Publishes question events once the write has committed. The publish runs
 * in the background: the change is already durable, so a broker outage must
 * neither fail nor hang the admin's request. The messaging lib keeps the
 * message across reconnects and its close() waits (bounded) for pending
 * publishes, so a graceful shutdown still sends them.
 */
export function createQuestionEvents(messaging: Pick<Messaging, 'publish'>, logger: Logger) {
  return {
    announce(type: QuestionChange, question: Question, correlationId?: string): void {
      const topics = question.topics.map((topic) => topic.slug);
      const base = { questionId: question.id, slug: question.slug, difficulty: question.difficulty, topics };
      const sent =
        type === 'question.deleted'
          ? messaging.publish(type, base, { correlationId })
          : messaging.publish(type, { ...base, title: question.title }, { correlationId });
      sent.catch((error: unknown) =>
        logger.error({ err: error, type, questionId: question.id }, 'publishing a question event failed'),
      );
    },
  };
}

export type QuestionEvents = ReturnType<typeof createQuestionEvents>;
