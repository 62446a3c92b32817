// Prisma CLI config (generate, migrate). A config file turns off Prisma's own
// .env loading, hence dotenv here. Migrations run offline through the shared
// adapter, which also carries the workarounds for known Prisma defects.
import 'dotenv/config';
import { definePrismaConfig } from '../../tools/prisma/migrate-adapter';

export default definePrismaConfig({ defaultDatabaseName: 'peerprep_questions' });
