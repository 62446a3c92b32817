import path from 'node:path';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@peerprep/auth';
import type { EventType } from '@peerprep/contracts';
import { createMessaging, type Messaging } from '@peerprep/messaging';
import { loadConfig } from '@peerprep/service-kit';
import { createServiceTestbed, startTestService, type RunningTestService } from '@peerprep/testing';
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { questionEnvSchema } from '@peerprep/question-service-config';
import { createQuestionBank, createApp } from '../src/app';
import { createPrismaClient, type PrismaClient } from '../src/db/prisma';
import type { QuestionsService } from '../src/questions/questions.service';

export const INTERNAL_TOKEN = 'test-internal-token-0123456789';

export interface ReceivedEvent {
  type: EventType;
  payload: Record<string, unknown>;
  correlationId?: string;
}

export interface QuestionServiceHarness {
  url: string;
  prisma: PrismaClient;
  /** The domain service over the same database, for arranging data without HTTP. */
  bank: QuestionsService;
  /** Every question.* event the service published, in arrival order. */
  events: ReceivedEvent[];
  adminToken: string;
  userToken: string;
  /** A token signed by a key the service does not trust. */
  foreignToken: string;
  stop(): Promise<void>;
}

async function signAccessToken(key: CryptoKey, role: 'USER' | 'ADMIN', sub: string): Promise<string> {
  return new SignJWT({ username: role.toLowerCase(), displayName: role, role })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);
}

/**
 * A real question-service on its own migrated database and RabbitMQ exchange,
 * trusting a key pair made here (AUTH_PUBLIC_KEY), plus a consumer that
 * records the question events it publishes.
 */
export async function startQuestionService(label: string): Promise<QuestionServiceHarness> {
  const infra = await createServiceTestbed(
    'question-service',
    { label, migrationsDir: path.join(__dirname, '../prisma/migrations'), rabbit: true },
    { logLevel: process.env['TEST_LOG_LEVEL'] },
  );
  const keys = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const strangerKeys = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const config = loadConfig(questionEnvSchema, {
    ...infra.env,
    AMQP_URL: infra.rabbit.url,
    AUTH_PUBLIC_KEY: await exportSPKI(keys.publicKey),
    INTERNAL_API_TOKEN: INTERNAL_TOKEN,
  });
  const { logger } = infra;
  const prisma = createPrismaClient(infra.database.url);
  const messaging: Messaging = createMessaging(infra.messagingOptions);
  const observer = createMessaging({ url: infra.rabbit.url, serviceName: 'observer', exchange: infra.rabbit.exchange, logger });
  const events: ReceivedEvent[] = [];
  const record = async (event: { type: string; payload: unknown; correlationId?: string }) => {
    events.push({
      type: event.type as EventType,
      payload: event.payload as Record<string, unknown>,
      correlationId: event.correlationId,
    });
  };
  // The queue exists before the first write, so no event can be missed.
  await observer.subscribe({
    queue: infra.rabbit.queueName('observer'),
    handlers: { 'question.created': record, 'question.updated': record, 'question.deleted': record },
  });
  const running: RunningTestService = await startTestService(createApp({ config, prisma, messaging, logger }));
  const bankPrisma = createPrismaClient(infra.database.url);

  return {
    url: running.url,
    prisma: bankPrisma,
    bank: createQuestionBank({ prisma: bankPrisma }),
    events,
    adminToken: await signAccessToken(keys.privateKey, 'ADMIN', '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44'),
    userToken: await signAccessToken(keys.privateKey, 'USER', '9d3e2c1f-5a8e-4b10-8f0a-7a44b2f0c1de'),
    foreignToken: await signAccessToken(strangerKeys.privateKey, 'ADMIN', '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44'),
    async stop() {
      await running.stop();
      await observer.close();
      await bankPrisma.$disconnect();
      await infra.cleanup();
    },
  };
}
