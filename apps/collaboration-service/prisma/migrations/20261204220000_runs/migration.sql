-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "room_id" UUID,
    "user_id" UUID,
    "user_name" TEXT NOT NULL,
    "question_id" UUID NOT NULL,
    "question" JSONB NOT NULL,
    "kind" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "custom_input" JSONB,
    "phase" TEXT NOT NULL DEFAULT 'queued',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "test_index" INTEGER,
    "test_count" INTEGER NOT NULL,
    "result" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "active_room_id" UUID,
    "active_user_id" UUID,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "runs_active_room_id_key" ON "runs"("active_room_id");

-- CreateIndex
CREATE UNIQUE INDEX "runs_active_user_id_key" ON "runs"("active_user_id");

-- CreateIndex
CREATE INDEX "runs_room_id_created_at_idx" ON "runs"("room_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "runs_user_id_created_at_idx" ON "runs"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "runs_finished_at_created_at_idx" ON "runs"("finished_at", "created_at");

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
