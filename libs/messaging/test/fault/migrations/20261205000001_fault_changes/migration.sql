-- The domain change each event of the fault test announces (committed with it).
CREATE TABLE "fault_changes" (
    "seq" INTEGER NOT NULL,
    "event_id" UUID NOT NULL,

    CONSTRAINT "fault_changes_pkey" PRIMARY KEY ("seq")
);
