-- The whole schema on PostgreSQL, as of the SQLite history's migration 20261210000000_cell_pointer:
-- the tables Prisma's CLI writes for prisma/postgres/schema.prisma, then what the schema language
-- cannot express, the same rules as on SQLite (tests/integration/schemas.test.ts holds the two
-- engines to the same tables, columns, indexes and constraints).

-- CreateTable
CREATE TABLE "Negotiation" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "dataVersion" TEXT NOT NULL DEFAULT '',
    "scaleNote" TEXT NOT NULL,
    "lowPoleParty" TEXT,
    "highPoleParty" TEXT,

    CONSTRAINT "Negotiation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "isCore" BOOLEAN NOT NULL,
    "lowLabel" TEXT NOT NULL,
    "highLabel" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "versionId" INTEGER,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "publishedAt" TEXT,
    "isDateApproximate" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "citation" TEXT NOT NULL DEFAULT '',
    "kind" TEXT,
    "relays" TEXT,
    "kindNote" TEXT,
    "flags" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "slug" TEXT,
    "date" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSource" (
    "eventId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "EventSource_pkey" PRIMARY KEY ("eventId","sourceId")
);

-- CreateTable
CREATE TABLE "PositionVersion" (
    "id" SERIAL NOT NULL,
    "positionId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "score" INTEGER,
    "status" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT,
    "isApproximate" BOOLEAN NOT NULL DEFAULT false,
    "quote" TEXT,
    "notes" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "recordedAt" TEXT NOT NULL,
    "eventId" INTEGER,
    "retractsId" INTEGER,
    "authorId" TEXT,
    "reason" TEXT,

    CONSTRAINT "PositionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionVersionSource" (
    "versionId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "PositionVersionSource_pkey" PRIMARY KEY ("versionId","sourceId")
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "verification" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactSource" (
    "factId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "FactSource_pkey" PRIMARY KEY ("factId","sourceId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'editor',
    "disabledAt" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NegotiationEditor" (
    "userId" TEXT NOT NULL,
    "negotiationId" INTEGER NOT NULL,

    CONSTRAINT "NegotiationEditor_pkey" PRIMARY KEY ("userId","negotiationId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TEXT NOT NULL,
    "lastUsedAt" TEXT,
    "revokedAt" TEXT,
    "expiresAt" TEXT,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportDraft" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TEXT NOT NULL,
    "plan" TEXT,
    "planDataVersion" TEXT,

    CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "at" TEXT NOT NULL,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "userId" TEXT,
    "at" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Negotiation_slug_key" ON "Negotiation"("slug");

-- CreateIndex
CREATE INDEX "Issue_negotiationId_sortOrder_idx" ON "Issue"("negotiationId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_negotiationId_slug_key" ON "Issue"("negotiationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Party_negotiationId_slug_key" ON "Party"("negotiationId", "slug");

-- CreateIndex
CREATE INDEX "Position_partyId_idx" ON "Position"("partyId");

-- CreateIndex
CREATE UNIQUE INDEX "Position_issueId_partyId_key" ON "Position"("issueId", "partyId");

-- CreateIndex
CREATE INDEX "Source_negotiationId_idx" ON "Source"("negotiationId");

-- CreateIndex
CREATE INDEX "Event_negotiationId_sortOrder_idx" ON "Event"("negotiationId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Event_negotiationId_slug_key" ON "Event"("negotiationId", "slug");

-- CreateIndex
CREATE INDEX "EventSource_sourceId_idx" ON "EventSource"("sourceId");

-- CreateIndex
CREATE INDEX "PositionVersion_issueId_partyId_validFrom_idx" ON "PositionVersion"("issueId", "partyId", "validFrom");

-- CreateIndex
CREATE INDEX "PositionVersion_positionId_idx" ON "PositionVersion"("positionId");

-- CreateIndex
CREATE INDEX "PositionVersion_partyId_idx" ON "PositionVersion"("partyId");

-- CreateIndex
CREATE INDEX "PositionVersion_retractsId_idx" ON "PositionVersion"("retractsId");

-- CreateIndex
CREATE INDEX "PositionVersion_eventId_idx" ON "PositionVersion"("eventId");

-- CreateIndex
CREATE INDEX "PositionVersion_authorId_idx" ON "PositionVersion"("authorId");

-- CreateIndex
CREATE INDEX "PositionVersionSource_sourceId_idx" ON "PositionVersionSource"("sourceId");

-- CreateIndex
CREATE INDEX "Fact_negotiationId_sortOrder_idx" ON "Fact"("negotiationId", "sortOrder");

-- CreateIndex
CREATE INDEX "FactSource_sourceId_idx" ON "FactSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE INDEX "NegotiationEditor_negotiationId_idx" ON "NegotiationEditor"("negotiationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "SignInFailure_email_at_idx" ON "SignInFailure"("email", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_negotiationId_id_idx" ON "AuditEntry"("negotiationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PositionVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_retractsId_fkey" FOREIGN KEY ("retractsId") REFERENCES "PositionVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersionSource" ADD CONSTRAINT "PositionVersionSource_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PositionVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersionSource" ADD CONSTRAINT "PositionVersionSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NegotiationEditor" ADD CONSTRAINT "NegotiationEditor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NegotiationEditor" ADD CONSTRAINT "NegotiationEditor_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Checks (the same rules as the SQLite history's CHECK constraints).
ALTER TABLE "Party" ADD CONSTRAINT "Party_kind_check" CHECK ("kind" IN ('actor', 'document'));
ALTER TABLE "Source" ADD CONSTRAINT "Source_url_check" CHECK ("url" IS NULL OR "url" LIKE 'http://%' OR "url" LIKE 'https://%');
ALTER TABLE "Source" ADD CONSTRAINT "Source_kind_check" CHECK ("kind" IS NULL OR "kind" IN ('original', 'syndicated_copy', 'mirror', 'secondary'));
ALTER TABLE "Event" ADD CONSTRAINT "Event_date_check" CHECK ("date" ~ '^[0-9]{4}');
ALTER TABLE "Event" ADD CONSTRAINT "Event_title_check" CHECK (length("title") > 0);
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_date_check" CHECK ("date" ~ '^[0-9]{4}');
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_title_check" CHECK (length("title") > 0);
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_validFrom_check" CHECK ("validFrom" ~ '^[0-9]{4}-[0-9]{2}');
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_validTo_check" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_score_check" CHECK ("score" IS NULL OR "score" BETWEEN -2 AND 2);
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_status_check" CHECK ("status" IN ('stated', 'reported', 'undisclosed', 'no_position'));
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_confidence_check" CHECK ("confidence" IN ('high', 'medium', 'low'));
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_unknown_unscored_check" CHECK ("status" NOT IN ('undisclosed', 'no_position') OR "score" IS NULL);
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_retraction_unscored_check" CHECK ("retractsId" IS NULL OR "score" IS NULL);
ALTER TABLE "User" ADD CONSTRAINT "User_role_check" CHECK ("role" IN ('editor', 'admin'));

-- A position version is immutable: a later version supersedes it (the same trigger as on SQLite).
CREATE FUNCTION "PositionVersion_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a position version is immutable: record a new version instead';
END;
$$;
CREATE TRIGGER "PositionVersion_immutable" BEFORE UPDATE OF "positionId", "issueId", "partyId", "label", "summary", "score", "status",
    "confidence", "asOf", "validFrom", "validTo", "isApproximate", "quote", "notes", "recordedAt", "retractsId" ON "PositionVersion"
    FOR EACH ROW EXECUTE FUNCTION "PositionVersion_refuse_change"();

INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);
