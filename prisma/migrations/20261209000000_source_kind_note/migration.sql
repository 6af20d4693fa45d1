-- How a source is known, in words, beside its kind: "Press TV is Iranian state media", "a copy of a
-- Firstpost article on an unrelated domain", or a caveat that the kind was not re-read.
ALTER TABLE "Source" ADD COLUMN "kindNote" TEXT;
