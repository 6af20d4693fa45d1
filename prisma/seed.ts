import { readFileSync } from "node:fs";
import { prisma } from "../lib/db";
import { replaceNegotiation } from "../lib/queries/write-negotiation";

const files = ["ukraine-peace-2025.json"];

for (const file of files) {
  const data = JSON.parse(readFileSync(new URL(`./seed-data/${file}`, import.meta.url), "utf8"));
  await replaceNegotiation(data);
  console.log(`Seeded ${data.slug}`);
}
await prisma.$disconnect();
