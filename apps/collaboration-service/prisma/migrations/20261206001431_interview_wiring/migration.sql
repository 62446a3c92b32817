-- Mock interviews wired into rooms (issue #18). A mock-interview room keeps
-- its second question beside the first, every run records the round it ran
-- in, and an attempt keeps its mode and its rounds (null in pair practice).
-- Every new column is nullable or has a default, so rooms, runs and attempts
-- written before (or by a previous version's replica during a rolling
-- deploy) stay valid as pair practice.
-- (No semicolon in these comments: Prisma 6.19 splits the script at every
-- semicolon, comments included.)

-- AlterTable
ALTER TABLE "attempts" ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'pair',
ADD COLUMN     "rounds" JSONB;

-- AlterTable
ALTER TABLE "rooms" ADD COLUMN     "question2" JSONB,
ADD COLUMN     "question2_id" UUID;

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "round" SMALLINT;
