-- Reference solutions per language (javascript, typescript, python, java, cpp),
-- written by admins with the question and read only by admins and internal
-- callers. Existing questions start with none, and the seed fills in those of
-- the seed bank.

-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "reference_solutions" JSONB NOT NULL DEFAULT '{}';
