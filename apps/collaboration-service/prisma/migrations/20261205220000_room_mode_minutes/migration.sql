-- Rooms carry the session mode and length agreed at match time. Rooms opened
-- before modes existed were pair practice (today's room) of the default
-- length; the defaults fill them in and are then dropped, so every new room
-- states both.
ALTER TABLE "rooms" ADD COLUMN "mode" TEXT NOT NULL DEFAULT 'pair',
ADD COLUMN "minutes" SMALLINT NOT NULL DEFAULT 45;

ALTER TABLE "rooms" ALTER COLUMN "mode" DROP DEFAULT,
ALTER COLUMN "minutes" DROP DEFAULT;
