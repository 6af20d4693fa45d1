// Confidence by a stated rule, in the browser: a position's page gives its evidence, the rule's
// confidence beside the dossier's with the reason where they differ, and links the methods page.
import { expect, test } from "@/tests/e2e/support/fixtures";

const BASE = "/negotiations/ukraine-peace-2025";

test("a position resting on one original says so and names it; the rule's confidence stands beside the dossier's, with its reason", async ({
  page,
}) => {
  await page.goto(`${BASE}/issues/nato/parties/europe`);
  await expect(page.getByTestId("cell-confidence")).toHaveText("high (the dossier's); medium by the stated rule");
  await expect(page.getByTestId("cell-evidence")).toContainText(
    "One original source: Reuters; every other source cited relays or copies it.",
  );
  await expect(page.getByTestId("confidence-reason")).toContainText("The dossier rates it high: The dossier's own rating");
  await page.getByTestId("cell-evidence").getByRole("link", { name: "stated rule" }).click();
  await expect(page).toHaveURL(/\/methods$/);
  await expect(page.getByTestId("confidence-table").locator("tbody tr").nth(3)).toHaveText(
    ["3 or more (robust)", "high", "medium", "medium"].join(""),
  );
  // Four originals that agree: high by the rule, as the dossier rates it; no reason needed.
  await page.goto(`${BASE}/issues/nato/parties/us-draft`);
  await expect(page.getByTestId("cell-evidence")).toContainText(
    "4 independent originals (robust evidence): AFP, Axios, Financial Times, The Telegraph.",
  );
  await expect(page.getByTestId("confidence-reason")).toHaveCount(0);
});
