-- CreateEnum
CREATE TYPE "round_end_reason" AS ENUM ('time', 'interviewer', 'session');

-- CreateTable
CREATE TABLE "interview_rounds" (
    "room_id" UUID NOT NULL,
    "index" SMALLINT NOT NULL,
    "question_id" UUID NOT NULL,
    "interviewer_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "length_ms" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "warned_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" "round_end_reason",

    CONSTRAINT "interview_rounds_pkey" PRIMARY KEY ("room_id","index")
);

-- CreateTable
CREATE TABLE "interview_arrivals" (
    "room_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "arrived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interview_arrivals_pkey" PRIMARY KEY ("room_id","user_id")
);

-- CreateIndex
CREATE INDEX "interview_rounds_ended_at_started_at_idx" ON "interview_rounds"("ended_at", "started_at");

-- AddForeignKey
ALTER TABLE "interview_rounds" ADD CONSTRAINT "interview_rounds_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_arrivals" ADD CONSTRAINT "interview_arrivals_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

