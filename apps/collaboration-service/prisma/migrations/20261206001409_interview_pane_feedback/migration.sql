-- CreateTable
CREATE TABLE "interview_hint_releases" (
    "room_id" UUID NOT NULL,
    "round" SMALLINT NOT NULL,
    "hint_index" SMALLINT NOT NULL,
    "text" TEXT NOT NULL,
    "released_by" UUID NOT NULL,
    "released_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interview_hint_releases_pkey" PRIMARY KEY ("room_id","round","hint_index")
);

-- CreateTable
CREATE TABLE "interviewer_notes" (
    "room_id" UUID NOT NULL,
    "round" SMALLINT NOT NULL,
    "author_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interviewer_notes_pkey" PRIMARY KEY ("room_id","round")
);

-- CreateTable
CREATE TABLE "interview_feedback" (
    "id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "round" SMALLINT NOT NULL,
    "giver_id" UUID,
    "receiver_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "scores" JSONB NOT NULL,
    "comment" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interview_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "peer_blocks" (
    "blocker_id" UUID NOT NULL,
    "blocked_id" UUID NOT NULL,
    "room_id" UUID,
    "blocked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "peer_blocks_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateIndex
CREATE INDEX "interviewer_notes_author_id_idx" ON "interviewer_notes"("author_id");

-- CreateIndex
CREATE INDEX "interview_feedback_receiver_id_idx" ON "interview_feedback"("receiver_id");

-- CreateIndex
CREATE INDEX "interview_feedback_giver_id_idx" ON "interview_feedback"("giver_id");

-- CreateIndex
CREATE UNIQUE INDEX "interview_feedback_room_id_round_key" ON "interview_feedback"("room_id", "round");

-- CreateIndex
CREATE INDEX "peer_blocks_blocked_id_idx" ON "peer_blocks"("blocked_id");

-- AddForeignKey
ALTER TABLE "interview_hint_releases" ADD CONSTRAINT "interview_hint_releases_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interviewer_notes" ADD CONSTRAINT "interviewer_notes_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_feedback" ADD CONSTRAINT "interview_feedback_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
