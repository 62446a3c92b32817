// `nx run question-service:seed`: upserts the seed bank into DATABASE_URL
// (after `prisma-migrate`). Safe to run on every start: unchanged questions
// are left alone and announce nothing. The events of the others are committed
// to the outbox with them; the service's outbox relay publishes them.
import { createLogger, loadConfigOrExit } from '@peerprep/service-kit';
import { questionEnvSchema } from '@peerprep/question-service-config';
import { seedQuestions } from '../../prisma/seed';
import { createQuestionBank } from '../app';
import { createPrismaClient } from '../db/prisma';
import { seedQuestionBank } from './seed-question-bank';

async function main(): Promise<void> {
  const config = loadConfigOrExit('question-service seed', questionEnvSchema);
  const logger = createLogger({ name: 'question-seed', level: config.LOG_LEVEL });
  const prisma = createPrismaClient(config.DATABASE_URL);
  try {
    const report = await seedQuestionBank(createQuestionBank({ prisma }), seedQuestions);
    logger.info(
      { created: report.created.length, updated: report.updated.length, unchanged: report.unchanged.length },
      'question bank seeded',
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[question-service seed] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  if (error instanceof Error && 'fields' in error) process.stderr.write(`${JSON.stringify(error.fields, null, 2)}\n`);
  process.exitCode = 1;
});
