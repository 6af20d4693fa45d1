import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stamp, stampable, stampGzip } from "@/lib/http/stamped-page";

describe("a page stamped with a new nonce", () => {
  const page = Buffer.from(`<script nonce="OLD">a</script><p>é 🙂 OLD in text</p><script nonce="OLD">b</script>`);

  it("has the new nonce in every place the old one stood, plain and gzip-compressed", () => {
    const stamped = stampable(page, "OLD");
    const expected = page.toString().replaceAll("OLD", "NEW-NONCE==");
    expect(stamp(stamped, "NEW-NONCE==").toString()).toBe(expected);
    expect(gunzipSync(stampGzip(stamped, "NEW-NONCE==")).toString()).toBe(expected);
  });

  it("is a valid gzip stream for any page and any nonce (CRC and length checked by gunzip)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 2000 }),
        fc.base64String({ minLength: 4, maxLength: 24 }),
        fc.base64String({ minLength: 4, maxLength: 24 }),
        (text, oldNonce, newNonce) => {
          const body = Buffer.from(`${text}${oldNonce}${text}${oldNonce}`);
          const expected = body.toString().replaceAll(oldNonce, newNonce);
          expect(gunzipSync(stampGzip(stampable(body, oldNonce), newNonce)).toString()).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("leaves a page without the nonce whole", () => {
    expect(gunzipSync(stampGzip(stampable(Buffer.from("no nonce here"), "abc="), "xyz=")).toString()).toBe("no nonce here");
  });
});
