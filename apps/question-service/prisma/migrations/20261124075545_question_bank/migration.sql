-- The question bank: statement details, starter code, entry point and test cases.
-- The bank was empty before this migration (questions arrive with the seed), so
-- the new required columns need no backfill.

-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "constraints" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "entry_point" JSONB NOT NULL,
ADD COLUMN     "examples" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "hints" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "starter_code" JSONB NOT NULL;

-- CreateTable
CREATE TABLE "question_test_cases" (
    "question_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "args" JSONB NOT NULL,
    "expected" JSONB NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "question_test_cases_pkey" PRIMARY KEY ("question_id","position")
);

-- CreateIndex
CREATE INDEX "questions_created_at_idx" ON "questions"("created_at");

-- AddForeignKey
ALTER TABLE "question_test_cases" ADD CONSTRAINT "question_test_cases_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma cannot express expression indexes and its diff ignores them).
-- Full-text search over title and statement: questions.queries.ts filters with
-- this exact expression so that the planner can use the index.
CREATE INDEX "questions_search_idx" ON "questions"
  USING GIN (to_tsvector('english', "title" || ' ' || "statement"));

-- "Two Sum" and "two sum" are the same title to a reader.
CREATE UNIQUE INDEX "questions_title_lower_key" ON "questions" (lower("title"));
