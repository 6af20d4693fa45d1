// Every chart can leave the page: PNG and SVG stamped with title, filters, date and source; its data
// as CSV; an embeddable version that other sites may frame (and only that).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Download } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, test } from "@/tests/e2e/support/fixtures";

const BASE = "/negotiations/ukraine-peace-2025";
const QUERY = "?issues=nato,army-cap,amnesty";

async function readDownload(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

for (const chart of ["lean", "movement", "spread"] as const) {
  test(`${chart}: PNG and SVG stamped with title, filters, date and source; CSV as the route serves it`, async ({ page, request }) => {
    await page.goto(`${BASE}/charts${QUERY}`);
    const section = page.locator(`section#${chart}`);
    await expect(section.locator("svg.svg-chart, svg.recharts-surface").first()).toBeVisible();
    const [svgFile] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Download SVG" }).click()]);
    expect(svgFile.suggestedFilename()).toBe(`ukraine-peace-2025_2026-01-08_${chart}.svg`);
    const svg = (await readDownload(svgFile)).toString("utf8");
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("Russia–Ukraine peace talks, Nov–Dec 2025");
    expect(svg).toContain("Filters: issues: nato, army-cap, amnesty. Data as of 8 Jan 2026.");
    expect(svg).toContain(`Source: Negotiation positions, ${BASE}/charts?issues=nato%2Carmy-cap%2Camnesty`);
    const [pngFile] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Download PNG" }).click()]);
    expect(pngFile.suggestedFilename()).toBe(`ukraine-peace-2025_2026-01-08_${chart}.png`);
    expect((await readDownload(pngFile)).subarray(0, 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
    const [csvFile] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Data as CSV" }).click()]);
    const served = await (await request.get(`${BASE}/charts/${chart}.csv${QUERY}`)).body();
    expect((await readDownload(csvFile)).equals(served)).toBe(true);
  });
}

test("the chart CSVs hold the charted figures", async ({ request }) => {
  const rows = (chart: string) =>
    request
      .get(`${BASE}/charts/${chart}.csv${QUERY}`)
      .then(async (r) => parse(await r.text(), { bom: true, columns: true }) as Record<string, string>[]);
  // US draft over NATO, army cap, amnesty: (2 + 1 + 2) / 3.
  expect((await rows("lean"))[0]).toEqual({
    party: "us-draft",
    party_name: "US 28-point draft",
    mean_score: String(5 / 3),
    scored_issues: "3",
    unknown_issues: "0",
  });
  expect((await rows("movement")).find((r) => r.issue === "amnesty" && r.from === "us-draft")).toMatchObject({
    change: "-3",
    toward: "low",
  });
  // The army cap from +1 (US draft) to −2 (the 24-point European plan, no limit): 3.
  expect((await rows("spread")).map((r) => [r.issue, r.spread])).toEqual([
    ["nato", "3"],
    ["army-cap", "3"],
    ["amnesty", "3"],
  ]);
  const unknown = await request.get(`${BASE}/charts/pie.csv`);
  expect(unknown.status()).toBe(404);
});

test("the embeddable chart can be framed by another page; the rest of the site cannot", async ({ page, request, baseURL }) => {
  const embed = await request.get(`/embed${BASE}/charts/movement${QUERY}`);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors http: https:");
  expect((await request.get(BASE)).headers()["x-frame-options"]).toBe("DENY");
  // Another site (a server of the test's own, on another port) frames the chart.
  const host = http.createServer((_, response) => {
    response.setHeader("Content-Type", "text/html");
    response.end(
      `<!doctype html><title>host</title><iframe title="chart" src="${baseURL}/embed${BASE}/charts/movement${QUERY}" width="700" height="500"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("h1")).toHaveText("How the drafts moved: Russia–Ukraine peace talks, Nov–Dec 2025");
  await expect(frame.locator(".site-header")).toBeHidden();
  await expect(frame.getByText("Filters: issues: nato, army-cap, amnesty.")).toBeVisible();
  host.close();
});
