-- A rubric per question: [{ id, title, description }], what the interviewer of
-- a mock-interview round rates (1–4 per criterion id), read only by admins and
-- internal callers. Every existing question gets the default rubric, the
-- DEFAULT_RUBRIC of the contracts (src/questions/rubric-migration.int.spec.ts
-- holds this literal to it), and the column default is then dropped, so every
-- later write states its rubric. No semicolon may appear in these comments nor
-- in the literal: the driver adapter splits the script into statements on them.

-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "rubric" JSONB NOT NULL DEFAULT '[
  {
    "id": "problem-solving",
    "title": "Problem solving",
    "description": "Clarifies the problem and its edge cases before coding, weighs more than one approach, and reaches a correct solution whose time and space complexity they can state and justify."
  },
  {
    "id": "code-quality",
    "title": "Code quality",
    "description": "Writes code another engineer could maintain: clear names, small focused steps, no needless duplication, idiomatic use of the chosen language."
  },
  {
    "id": "communication",
    "title": "Communication",
    "description": "Thinks aloud, explains decisions and trade-offs as they make them, asks when unsure, and takes a hint without losing the thread."
  },
  {
    "id": "testing",
    "title": "Testing",
    "description": "Checks the solution against the examples and against edge cases they pick themselves (empty input, duplicates, extremes), and finds and fixes their own bugs."
  }
]'::jsonb;
ALTER TABLE "questions" ALTER COLUMN "rubric" DROP DEFAULT;
