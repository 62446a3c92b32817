-- Rooms gain their question snapshot, who closed them, and a participant id
-- (userId becomes nullable so a deleted account can be anonymised). No release
-- ever created rooms before this migration, so the NOT NULL columns need no backfill.

-- AlterTable
ALTER TABLE "room_participants" DROP CONSTRAINT "room_participants_pkey",
ADD COLUMN     "id" UUID NOT NULL,
ADD COLUMN     "position" SMALLINT NOT NULL,
ALTER COLUMN "user_id" DROP NOT NULL,
ADD CONSTRAINT "room_participants_pkey" PRIMARY KEY ("id");

-- AlterTable
ALTER TABLE "rooms" ADD COLUMN     "closed_by" UUID,
ADD COLUMN     "last_active_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "question" JSONB NOT NULL,
ALTER COLUMN "question_id" SET NOT NULL;

-- CreateTable
CREATE TABLE "room_documents" (
    "room_id" UUID NOT NULL,
    "snapshot" BYTEA NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "room_documents_pkey" PRIMARY KEY ("room_id")
);

-- CreateTable
CREATE TABLE "document_updates" (
    "id" BIGSERIAL NOT NULL,
    "room_id" UUID NOT NULL,
    "update" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempts" (
    "id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "partner_id" UUID,
    "partner_name" TEXT NOT NULL,
    "question_id" UUID NOT NULL,
    "question" JSONB NOT NULL,
    "language" TEXT NOT NULL,
    "final_code" TEXT NOT NULL,
    "chat" JSONB NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_seconds" INTEGER NOT NULL,

    CONSTRAINT "attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "document_updates_room_id_id_idx" ON "document_updates"("room_id", "id");

-- CreateIndex
CREATE INDEX "attempts_user_id_ended_at_idx" ON "attempts"("user_id", "ended_at" DESC);

-- CreateIndex
CREATE INDEX "attempts_partner_id_idx" ON "attempts"("partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "attempts_room_id_user_id_key" ON "attempts"("room_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "room_participants_room_id_user_id_key" ON "room_participants"("room_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "room_participants_room_id_position_key" ON "room_participants"("room_id", "position");

-- CreateIndex
CREATE INDEX "rooms_status_last_active_at_idx" ON "rooms"("status", "last_active_at");

-- AddForeignKey
ALTER TABLE "room_documents" ADD CONSTRAINT "room_documents_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_updates" ADD CONSTRAINT "document_updates_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

