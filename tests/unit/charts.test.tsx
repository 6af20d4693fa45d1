// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { SpreadChart } from "@/components/charts/spread-chart";
import { StripChart } from "@/components/charts/strip-chart";
import { StripPlots } from "@/components/charts/strip-plots";
import { PARTY_STYLES, toSpreadRanking, toStripData } from "@/lib/analysis/chart-data";
import { fixtureMatrix } from "@/tests/fixtures/matrix";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLDivElement;

async function render(element: React.ReactElement) {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(element));
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

const matrix = fixtureMatrix();
const parties = matrix.parties.map(({ slug, name }) => ({ slug, name }));

describe("StripPlots and StripChart", () => {
  it("draw one marker per known score (7 of 9 cells) and name the two unknown ones", async () => {
    const strips = toStripData(matrix);
    // Markers are the shapes drawn in the parties' own colours (not the chart library's class names).
    const markers = (view: Element) => PARTY_STYLES.flatMap((style) => [...view.querySelectorAll(`svg [fill="${style.color}"]`)]).length;
    const counts: number[] = [];
    for (const issue of strips) {
      counts.push(markers(await render(<StripChart issue={issue} partyCount={3} width={500} />)));
      act(() => root?.unmount());
    }
    expect(counts).toEqual([3, 2, 2]);
    const view = await render(<StripPlots issues={strips} parties={parties} width={500} />);
    expect(view.querySelectorAll("li.strip")[1]?.querySelector(".strip-text")?.textContent).toBe(
      "Party A +1; Party C +1. No score: Party B (undisclosed).",
    );
    expect(view.querySelectorAll(".party-key li")).toHaveLength(3);
  });
});

describe("SpreadChart", () => {
  it("draws one bar per issue with a spread", async () => {
    const ranking = toSpreadRanking(fixtureMatrix({ parties: ["b", "c"] }));
    const view = await render(<SpreadChart ranking={ranking} width={500} />);
    expect(view.querySelectorAll('svg path[fill="#542788"], svg rect[fill="#542788"]')).toHaveLength(2);
  });
});
