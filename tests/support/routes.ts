import { GET as getDivergence } from "@/app/api/negotiations/[slug]/divergence/route";
import { GET as getMatrix } from "@/app/api/negotiations/[slug]/matrix/route";
import { GET as getMovement } from "@/app/api/negotiations/[slug]/movement/route";
import { GET as getChanges } from "@/app/api/negotiations/[slug]/changes/route";
import { GET as getCsv } from "@/app/negotiations/[slug]/matrix.csv/route";
import { GET as getChangesCsv } from "@/app/negotiations/[slug]/changes.csv/route";
import { GET as getLineage } from "@/app/api/negotiations/[slug]/lineage/route";
import { GET as getLineageCsv } from "@/app/negotiations/[slug]/lineage.csv/route";
import { ZChangesJson, ZDivergenceJson, ZMatrixJson, ZMovementJson } from "@/lib/formats/json";
import { ZLineageJson } from "@/lib/formats/lineage";

const BASE = "http://localhost";
const context = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** The real route handlers, called as Next calls them. */
export const callCsv = (slug: string, query = "") => getCsv(new Request(`${BASE}/negotiations/${slug}/matrix.csv${query}`), context(slug));
export const callJson = (slug: string, query = "") =>
  getMatrix(new Request(`${BASE}/api/negotiations/${slug}/matrix${query}`), context(slug));
export const callDivergence = (slug: string, query = "") =>
  getDivergence(new Request(`${BASE}/api/negotiations/${slug}/divergence${query}`), context(slug));

/** The matrix JSON of a view, parsed with its public schema (so a response that breaks the format fails). */
export async function readMatrixJson(slug: string, query = "") {
  const response = await callJson(slug, query);
  if (response.status !== 200) throw new Error(`matrix JSON answered ${response.status}`);
  return ZMatrixJson.parse(await response.json());
}

export const callMovement = (slug: string, query = "") =>
  getMovement(new Request(`${BASE}/api/negotiations/${slug}/movement${query}`), context(slug));

/** The movement JSON of a view, parsed with its public schema. */
export async function readMovementJson(slug: string, query = "") {
  const response = await callMovement(slug, query);
  if (response.status !== 200) throw new Error(`movement JSON answered ${response.status}`);
  return ZMovementJson.parse(await response.json());
}

/** The divergence JSON of a view, parsed with its public schema. */
export async function readDivergenceJson(slug: string, query = "") {
  const response = await callDivergence(slug, query);
  if (response.status !== 200) throw new Error(`divergence JSON answered ${response.status}`);
  return ZDivergenceJson.parse(await response.json());
}

export const callChanges = (slug: string, query = "") =>
  getChanges(new Request(`${BASE}/api/negotiations/${slug}/changes${query}`), context(slug));
export const callChangesCsv = (slug: string, query = "") =>
  getChangesCsv(new Request(`${BASE}/negotiations/${slug}/changes.csv${query}`), context(slug));

/** The changes JSON of two days, parsed with its public schema. */
export async function readChangesJson(slug: string, query = "") {
  const response = await callChanges(slug, query);
  if (response.status !== 200) throw new Error(`changes JSON answered ${response.status}`);
  return ZChangesJson.parse(await response.json());
}

/** A CSV body as sent, BOM included (Response.text() would drop it). */
export async function readCsvText(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

export const callLineage = (slug: string, query = "") =>
  getLineage(new Request(`${BASE}/api/negotiations/${slug}/lineage${query}`), context(slug));
export const callLineageCsv = (slug: string, query = "") =>
  getLineageCsv(new Request(`${BASE}/negotiations/${slug}/lineage.csv${query}`), context(slug));

/** The lineage JSON of a view, parsed with its public schema. */
export async function readLineageJson(slug: string, query = "") {
  const response = await callLineage(slug, query);
  if (response.status !== 200) throw new Error(`lineage JSON answered ${response.status}`);
  return ZLineageJson.parse(await response.json());
}
