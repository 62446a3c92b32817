// Prisma CLI config (generate, migrate). A config file turns off Prisma's own
// .env loading, hence dotenv here. Migrations run offline through the shared
// adapter (libs/prisma-migrate), which also carries the workarounds for known
// Prisma defects. `#prisma-migrate` is a package.json "imports" alias: the CLI
// loads this file with jiti, which resolves no tsconfig paths.
import 'dotenv/config';
import { definePrismaConfig } from '#prisma-migrate';

export default definePrismaConfig({ defaultDatabaseName: 'peerprep_questions' });
