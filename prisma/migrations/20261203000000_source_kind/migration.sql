-- How each source is known: the original report, a syndicated copy, a mirror of it, or a secondary
-- report relaying another outlet (named in "relays"); "flags" lists warnings about the host
-- (staging, CDN, unrelated domain, aggregator) as a JSON array. Null kind: not assessed.
ALTER TABLE "Source" ADD COLUMN "kind" TEXT CHECK ("kind" IS NULL OR "kind" IN ('original', 'syndicated_copy', 'mirror', 'secondary'));
ALTER TABLE "Source" ADD COLUMN "relays" TEXT;
ALTER TABLE "Source" ADD COLUMN "flags" TEXT NOT NULL DEFAULT '[]';
