-- A negotiation's timeline: dated events (a day, a month or a year), each with its sources, which
-- join the negotiation's one bibliography.
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "date" TEXT NOT NULL CHECK ("date" GLOB '[0-9][0-9][0-9][0-9]*'),
    "title" TEXT NOT NULL CHECK (length("title") > 0),
    "summary" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Event_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Event_negotiationId_sortOrder_idx" ON "Event"("negotiationId", "sortOrder");

CREATE TABLE "EventSource" (
    "eventId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    PRIMARY KEY ("eventId", "sourceId"),
    CONSTRAINT "EventSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "EventSource_sourceId_idx" ON "EventSource"("sourceId");
