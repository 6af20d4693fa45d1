// Editing in the browser: sign in, edit a cell, see the new version in the matrix, the history and
// the log, and meet the conflict screen when a second session saved first. Runs on a negotiation of
// its own, so that no other test reads what these tests write.
import { findAxeViolations } from "@/tests/e2e/support/axe";
import { expect, test } from "@/tests/e2e/support/fixtures";
import { ADMIN, EDITOR } from "@/tests/e2e/support/users";
import { newSession, signIn } from "@/tests/e2e/support/sign-in";

const SLUG = "e2e-curation";
const cell = (issue: string, party: string) => `/negotiations/${SLUG}/issues/${issue}/parties/${party}`;

test.describe.configure({ mode: "serial" });

test("a reader sees no edit link, and the edit page asks them to sign in", async ({ page }) => {
  await page.goto(cell("alpha", "a"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Party A on Alpha issue");
  await expect(page.getByRole("link", { name: "Edit this position" })).toHaveCount(0);
  await page.goto(`${cell("alpha", "a")}/edit`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("an editor signs in, edits a cell, and sees the new version in the cell, its history, the matrix and the log", async ({ page }) => {
  await signIn(page, EDITOR, cell("alpha", "a"));
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${EDITOR.name}`);
  await page.getByRole("link", { name: "Edit this position" }).click();
  const hostile = `<img src=x onerror="document.title='owned'">`;
  await page.getByLabel("Label (a few words)").fill(hostile.slice(0, 60));
  await page.getByLabel("Score").selectOption("1");
  await page.getByLabel("Reason for this change (shown in the log)").fill('=HYPERLINK("http://evil.example") reported shift');
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("saved")).toBeVisible();
  // Stored and shown as text: the markup is visible characters, and no script ran.
  await expect(page.locator(".cell-page-label")).toHaveText(hostile.slice(0, 60));
  expect(await page.title()).not.toBe("owned");
  const last = page.getByTestId("version").last();
  await expect(last).toContainText(`by ${EDITOR.name}`);
  await expect(last).toContainText('Reason: “=HYPERLINK("http://evil.example") reported shift”');
  await expect(last).toContainText("Score +1");
  await page.goto(`/negotiations/${SLUG}`);
  const mark = page.locator('[data-testid="position-cell"][data-issue="alpha"][data-party="a"]');
  await expect(mark).toHaveAttribute("data-score", "1");
  await expect(mark.locator(".cell-label")).toHaveText(hostile.slice(0, 60));
  await page.goto(`/negotiations/${SLUG}/log`);
  const entry = page.getByTestId("log-entry").first();
  await expect(entry).toContainText(EDITOR.name);
  await expect(entry).toContainText("reported shift");
  await expect(entry).toContainText("Party A on Alpha issue");
});

test("a save that started from an older version meets the conflict screen, then re-applies", async ({ page, browser }) => {
  await signIn(page, EDITOR, `${cell("beta", "b")}/edit`);
  await page.getByLabel("Summary").fill("The editor's own reading of the draft.");
  await page.getByLabel("Reason for this change (shown in the log)").fill("editor's reading");
  // Meanwhile an administrator, in another session, saves the same cell.
  const other = await newSession(browser, ADMIN, `${cell("beta", "b")}/edit`);
  await other.page.getByLabel("Summary").fill("The administrator's correction.");
  await other.page.getByLabel("Reason for this change (shown in the log)").fill("admin correction");
  await other.page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(other.page.getByTestId("saved")).toBeVisible();
  await other.context.close();

  await page.getByRole("button", { name: "Save as a new version" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(ADMIN.name);
  await expect(conflict).toContainText("admin correction");
  await expect(conflict.getByRole("row", { name: /Summary \(differs\)/ })).toContainText("The editor's own reading of the draft.");
  expect(await findAxeViolations(page), "the conflict screen and the edit form").toEqual([]);
  // Nothing of the editor's was saved yet.
  await expect(page.getByLabel("Summary")).toHaveValue("The editor's own reading of the draft.");
  await page.getByRole("button", { name: "Save my version on top of theirs" }).click();
  await expect(page.getByTestId("saved")).toBeVisible();
  const versions = page.getByTestId("version");
  await expect(page.getByText("The editor's own reading of the draft.", { exact: true })).toBeVisible();
  await expect(versions.last()).toContainText("editor's reading");
  await expect(versions.nth((await versions.count()) - 2)).toContainText("admin correction");
});

test("an editor re-ranks a competing reading in the form: deprecated, with a reason, the cell is no longer contested", async ({ page }) => {
  const mark = page.locator('[data-testid="position-cell"][data-issue="alpha"][data-party="c"]');
  await page.goto(`/negotiations/${SLUG}`);
  await expect(mark).toHaveAttribute("data-contested", "true");
  await signIn(page, EDITOR, `${cell("alpha", "c")}/edit`);
  await expect(page.getByTestId("edit-readings")).toContainText("Reading 1: +1 Reported");
  await expect(page.getByLabel("Why this version's own reading is preferred")).toHaveValue("Two outlets agree on it.");
  await page.getByLabel("Rank", { exact: true }).selectOption("deprecated");
  await page.getByLabel("Why it has this rank").fill("The outlet corrected its report.");
  await page.getByLabel("Reason for this change (shown in the log)").fill("re-ranked a reading");
  expect(await findAxeViolations(page), "the edit form with readings").toEqual([]);
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("saved")).toBeVisible();
  const readings = page.getByTestId("cell-readings");
  await expect(readings.locator("h2")).toHaveText("Other readings on file");
  await expect(readings.locator('.reading[data-rank="deprecated"]')).toContainText("Why deprecated: The outlet corrected its report.");
  await page.goto(`/negotiations/${SLUG}`);
  await expect(mark).not.toHaveAttribute("data-contested", "true");
  await page.goto(`/negotiations/${SLUG}/log`);
  await expect(page.getByTestId("log-entry").first()).toContainText("Competing readings");
});

test("an editor imports a CSV: the preview lists changes and invalid rows, and confirming writes them", async ({ page }) => {
  await signIn(page, EDITOR, `/negotiations/${SLUG}/import`);
  const csv = await (await page.request.get(`/negotiations/${SLUG}/matrix.csv?layout=long`)).text();
  const lines = csv.split("\r\n");
  const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
  const at = lines.findIndex((l) => l.startsWith("gamma,") && l.split(",")[header.indexOf("party")] === "c");
  const withCell = (column: string, value: string) =>
    lines
      .map((line, index) => (index === at ? Object.assign(line.split(","), { [header.indexOf(column)]: value }).join(",") : line))
      .join("\r\n");
  const upload = async (name: string, content: string) => {
    await page.getByLabel("File (.csv or .json)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
    await page.getByLabel("Reason (shown in the log for every change)").fill("weekly sheet");
    await page.getByRole("button", { name: "Preview the import" }).click();
  };

  await upload("bad.csv", withCell("score", "9"));
  // Row numbers as a spreadsheet shows them (an earlier cell's text has a line break, so its file line differs).
  await expect(page.getByTestId("import-problems")).toContainText(
    new RegExp(`row ${at + 1} \\(line \\d+\\) \\(gamma × c\\): score: a score is from −2 to \\+2`),
  );
  await expect(page.getByRole("button", { name: /Write these/ })).toHaveCount(0);

  await upload("week.csv", withCell("label", "Imported from the sheet"));
  await expect(page.getByTestId("import-preview")).toContainText("0 cells to add, 1 to change");
  await expect(page.getByTestId("import-change")).toContainText("Imported from the sheet");
  expect(await findAxeViolations(page), "the import preview").toEqual([]);
  await page.getByRole("button", { name: "Write these 1 changes" }).click();
  await expect(page.getByTestId("import-done")).toContainText("1 cell got a new version");
  await page.goto(cell("gamma", "c"));
  await expect(page.locator(".cell-page-label")).toHaveText("Imported from the sheet");

  // A file past the limit is refused in the page, with the limit named, before it is sent.
  await page.goto(`/negotiations/${SLUG}/import`);
  await page
    .getByLabel("File (.csv or .json)")
    .setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(2.5 * 1024 * 1024, 97) });
  await expect(page.locator("#upload-error")).toContainText("at most 2 MB");
  await expect(page.getByRole("button", { name: "Preview the import" })).toBeDisabled();
});

test("an editor adds a newly published draft as a party; its cells start empty and take a first version", async ({ page }) => {
  await signIn(page, EDITOR, `/negotiations/${SLUG}/structure`);
  await page.getByText("Add a party (an actor, or a newly published document)").click();
  const form = page.locator("form", { has: page.locator('input[name="action"][value="party.add"]') });
  await form.getByLabel("Slug (lowercase words joined by hyphens)").fill("new-draft");
  await form.getByLabel("Name").fill("A new draft");
  await form.getByLabel("Date (YYYY-MM-DD; for a document, when it was published)").fill("2026-01-02");
  await form.getByLabel("Description").fill("Published today.");
  await form.getByLabel("Reason (shown in the log)").fill("the draft was published");
  await form.getByRole("button", { name: "Add the party" }).click();
  await expect(page.getByTestId("structure-done")).toContainText("Party added: new-draft");

  await page.goto(`/negotiations/${SLUG}`);
  await expect(page.getByRole("columnheader", { name: /A new draft/ })).toBeVisible();
  await page.goto(`${cell("alpha", "new-draft")}/edit`);
  await page.getByLabel("Label (a few words)").fill("Not in the text");
  await page.getByLabel("Summary").fill("The draft says nothing on this issue.");
  await page.getByLabel("Status").selectOption("undisclosed");
  await page.getByLabel("Reason for this change (shown in the log)").fill("first reading");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("saved")).toBeVisible();
  await page.goto(`/negotiations/${SLUG}/log`);
  await expect(page.getByTestId("structure-log")).toContainText("party.add new-draft");
  await expect(page.getByTestId("structure-log")).toContainText("the draft was published");
});
