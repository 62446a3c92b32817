-- Rooms carry the session mode and length agreed at match time. Rooms opened
-- before modes existed were pair practice of the default length, and so are
-- the rooms a replica of the previous version opens while a deploy rolls
-- (it names neither column): the defaults stay for them. This version always
-- states both.
-- (No semicolon in these comments: Prisma 6.19 splits the script at every
-- semicolon, comments included, and deploy then fails with a syntax error.)
ALTER TABLE "rooms" ADD COLUMN "mode" TEXT NOT NULL DEFAULT 'pair',
ADD COLUMN "minutes" SMALLINT NOT NULL DEFAULT 45;
