-- The parties whose stated positions define the ends of a negotiation's scale (both optional, by
-- slug): metrics that would be flat by construction (spread, "most contested") leave them out by
-- default.
ALTER TABLE "Negotiation" ADD COLUMN "lowPoleParty" TEXT;
ALTER TABLE "Negotiation" ADD COLUMN "highPoleParty" TEXT;
