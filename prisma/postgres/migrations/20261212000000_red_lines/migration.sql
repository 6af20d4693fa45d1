-- Red lines: per party and issue, the span of steps it has said it can accept, versioned (a line
-- that moves is a new row), with its sources in the negotiation's one bibliography.
CREATE TABLE "RedLine" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "validFrom" TEXT,
    "isApproximate" BOOLEAN NOT NULL DEFAULT false,
    "quote" TEXT,
    "notes" TEXT,
    "recordedAt" TEXT NOT NULL,
    "authorId" TEXT,
    "reason" TEXT,

    CONSTRAINT "RedLine_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RedLineSource" (
    "redLineId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "RedLineSource_pkey" PRIMARY KEY ("redLineId","sourceId")
);

CREATE INDEX "RedLine_issueId_partyId_validFrom_idx" ON "RedLine"("issueId", "partyId", "validFrom");
CREATE INDEX "RedLine_partyId_idx" ON "RedLine"("partyId");
CREATE INDEX "RedLineSource_sourceId_idx" ON "RedLineSource"("sourceId");

ALTER TABLE "RedLine" ADD CONSTRAINT "RedLine_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RedLine" ADD CONSTRAINT "RedLine_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RedLineSource" ADD CONSTRAINT "RedLineSource_redLineId_fkey" FOREIGN KEY ("redLineId") REFERENCES "RedLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RedLineSource" ADD CONSTRAINT "RedLineSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "RedLine" ADD CONSTRAINT "RedLine_span_check" CHECK ("min" BETWEEN -2 AND 2 AND "max" BETWEEN -2 AND 2 AND "min" <= "max");
ALTER TABLE "RedLine" ADD CONSTRAINT "RedLine_basis_check" CHECK ("basis" IN ('stated', 'reported', 'estimated'));
ALTER TABLE "RedLine" ADD CONSTRAINT "RedLine_validFrom_check" CHECK ("validFrom" IS NULL OR "validFrom" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');

-- A line is never changed: a new version is written instead.
CREATE FUNCTION "RedLine_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a red line version is never changed; write a new version';
END;
$$;
CREATE TRIGGER "RedLine_immutable" BEFORE UPDATE ON "RedLine" FOR EACH ROW EXECUTE FUNCTION "RedLine_immutable"();
