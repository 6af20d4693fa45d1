// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { SpreadChart } from "@/components/charts/spread-chart";
import { StripPlots } from "@/components/charts/strip-plots";
import { toSpreadRanking, toStripData } from "@/lib/chart-data";
import { buildMatrix } from "@/lib/matrix";
import { DEFAULT_MATRIX_PARAMS } from "@/lib/matrix-params";
import { FIXTURE } from "../fixtures/negotiation";

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

const matrix = buildMatrix(FIXTURE, DEFAULT_MATRIX_PARAMS);
const parties = matrix.parties.map(({ slug, name }) => ({ slug, name }));

describe("StripPlots", () => {
  it("draws one marker per known score (7 of 9 cells) and names the two unknown ones", async () => {
    const view = await render(<StripPlots issues={toStripData(matrix)} parties={parties} width={500} />);
    const strips = [...view.querySelectorAll("li.strip")];
    expect(strips.map((s) => s.querySelectorAll(".recharts-scatter-symbol").length)).toEqual([3, 2, 2]);
    expect(strips[1]?.querySelector(".strip-text")?.textContent).toBe("Party A +1; Party C +1. No score: Party B (undisclosed).");
    expect(view.querySelectorAll(".party-key li")).toHaveLength(3);
  });
});

describe("SpreadChart", () => {
  it("draws one bar per issue with a spread", async () => {
    const ranking = toSpreadRanking(buildMatrix(FIXTURE, { ...DEFAULT_MATRIX_PARAMS, parties: ["b", "c"] }));
    const view = await render(<SpreadChart ranking={ranking} width={500} />);
    expect(view.querySelectorAll(".recharts-bar-rectangle")).toHaveLength(2);
    expect(view.textContent).toContain("Not ranked (fewer than two known scores): Beta issue.");
  });
});
