-- Account security: an administrator can disable an account (its sessions and tokens stop at
-- once, its versions keep their author); an invited user must choose their own password at first
-- sign-in; API tokens expire (existing ones 90 days after they were made); failed sign-ins are
-- counted per account as well as per address; an import's preview is computed once per draft.

ALTER TABLE "User" ADD COLUMN "disabledAt" TEXT;
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TEXT;
UPDATE "ApiToken" SET "expiresAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt", '+90 days');

CREATE TABLE "SignInFailure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "at" TEXT NOT NULL
);
CREATE INDEX "SignInFailure_email_at_idx" ON "SignInFailure"("email", "at");

ALTER TABLE "ImportDraft" ADD COLUMN "plan" TEXT;
ALTER TABLE "ImportDraft" ADD COLUMN "planDataVersion" TEXT;
