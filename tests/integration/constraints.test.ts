import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";

async function firstPosition() {
  return prisma.position.findFirstOrThrow({ where: { status: "undisclosed" } });
}

describe("database constraints", () => {
  it.each([
    ["a score on an undisclosed cell", { score: 0 }],
    ["a score off the scale", { status: "stated", score: 3 }],
    ["an unknown status", { status: "rumoured" }],
    ["an unknown confidence", { confidence: "certain" }],
  ])("refuses %s", async (_, data) => {
    const position = await firstPosition();
    await expect(prisma.position.update({ where: { id: position.id }, data })).rejects.toThrow(/CHECK constraint/);
  });

  it("refuses a second position for the same issue × party", async () => {
    const { id, ...position } = await firstPosition();
    await expect(prisma.position.create({ data: position })).rejects.toThrow(/Unique constraint/);
    expect(id).toBeGreaterThan(0);
  });

  it("refuses a non-http source URL", async () => {
    const source = await prisma.source.findFirstOrThrow();
    await expect(prisma.source.update({ where: { id: source.id }, data: { url: "javascript:alert(1)" } })).rejects.toThrow(/CHECK constraint/);
  });
});
