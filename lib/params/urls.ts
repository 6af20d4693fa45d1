// The one URL builder: every address the app answers, as the pattern of its folder under app/, and
// the two directions: `href` builds an address (pages, exports, links in feeds), `matchRoute`
// recognises one (the server's gate and its 404 check). A test walks app/ and this table both
// ways, so that neither can drift from the other. Pure: client components build links with it.

export const ROUTES = {
  home: "/",
  signIn: "/sign-in",
  account: "/account",
  adminUsers: "/admin/users",
  adminNegotiations: "/admin/negotiations",
  healthz: "/healthz",
  methods: "/methods",
  auth: "/api/auth/[...all]",
  matrix: "/negotiations/[slug]",
  matrixCsv: "/negotiations/[slug]/matrix.csv",
  dataPackage: "/negotiations/[slug]/datapackage.zip",
  charts: "/negotiations/[slug]/charts",
  chartCsv: "/negotiations/[slug]/charts/[chart]",
  compare: "/negotiations/[slug]/compare",
  compareCsv: "/negotiations/[slug]/compare.csv",
  changes: "/negotiations/[slug]/changes",
  changesCsv: "/negotiations/[slug]/changes.csv",
  timeline: "/negotiations/[slug]/timeline",
  zones: "/negotiations/[slug]/zones",
  zonesCsv: "/negotiations/[slug]/zones.csv",
  package: "/negotiations/[slug]/package",
  packageCsv: "/negotiations/[slug]/package.csv",
  drafts: "/negotiations/[slug]/drafts",
  point: "/negotiations/[slug]/drafts/[draft]/points/[number]",
  lineageCsv: "/negotiations/[slug]/lineage.csv",
  log: "/negotiations/[slug]/log",
  logAtom: "/negotiations/[slug]/log.atom",
  sources: "/negotiations/[slug]/sources",
  import: "/negotiations/[slug]/import",
  structure: "/negotiations/[slug]/structure",
  issue: "/negotiations/[slug]/issues/[issue]",
  cell: "/negotiations/[slug]/issues/[issue]/parties/[party]",
  cellEdit: "/negotiations/[slug]/issues/[issue]/parties/[party]/edit",
  party: "/negotiations/[slug]/parties/[party]",
  embedChart: "/embed/negotiations/[slug]/charts/[chart]",
  apiMatrix: "/api/negotiations/[slug]/matrix",
  apiDivergence: "/api/negotiations/[slug]/divergence",
  apiMovement: "/api/negotiations/[slug]/movement",
  apiChanges: "/api/negotiations/[slug]/changes",
  apiZones: "/api/negotiations/[slug]/zones",
  apiPackage: "/api/negotiations/[slug]/package",
  apiLineage: "/api/negotiations/[slug]/lineage",
  apiCell: "/api/negotiations/[slug]/issues/[issue]/parties/[party]",
} as const;

export type TRoute = keyof typeof ROUTES;

/** The parameters a route's pattern names: `[slug]` → `{ slug }`. */
type TParamsOf<P extends string> = P extends `${string}[...${infer Rest}]${infer Tail}`
  ? { [K in Rest]: string } & TParamsOf<Tail>
  : P extends `${string}[${infer Name}]${infer Tail}`
    ? { [K in Name]: string } & TParamsOf<Tail>
    : unknown;

export type TRouteParams<R extends TRoute> = TParamsOf<(typeof ROUTES)[R]>;

/** A query: URLSearchParams, a record whose null, undefined and empty values are left out, or a query string already built ("" or "?…"). */
export type TQuery = URLSearchParams | Record<string, string | number | null | undefined> | string;

function toQueryText(query: TQuery | undefined): string {
  if (query === undefined) return "";
  if (typeof query === "string") {
    if (query !== "" && !query.startsWith("?")) throw new Error(`A query string starts with "?": ${query.slice(0, 40)}`);
    return query;
  }
  const search =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query).flatMap(([key, value]) =>
            value === null || value === undefined || value === "" ? [] : [[key, String(value)]],
          ),
        );
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The address of a route with its parameters (each percent-encoded) and an optional query and fragment. */
export function href<R extends TRoute>(route: R, params: TRouteParams<R>, query?: TQuery, fragment?: string): string {
  const values = params as Record<string, string>;
  const path = ROUTES[route].replace(/\[(?:\.\.\.)?([a-z]+)\]/gi, (_, name: string) => encodeURIComponent(values[name] ?? ""));
  return `${path}${toQueryText(query)}${fragment ? `#${fragment}` : ""}`;
}

/** Patterns as regular expressions, most specific first (literal segments before parameters). */
const MATCHERS = (Object.entries(ROUTES) as [TRoute, string][])
  .map(([route, pattern]) => {
    const names: string[] = [];
    const source = pattern
      .split("/")
      .map((segment) => {
        const rest = /^\[\.\.\.([a-z]+)\]$/i.exec(segment);
        if (rest) return (names.push(rest[1]!), "(.+)");
        const one = /^\[([a-z]+)\]$/i.exec(segment);
        if (one) return (names.push(one[1]!), "([^/]+)");
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    return { route, names, regex: new RegExp(`^${source}/?$`), literals: pattern.split("/").filter((s) => !s.startsWith("[")).length };
  })
  .sort((a, b) => b.literals - a.literals);

/** The route a path names, with its decoded parameters, or null for an address the app does not answer. */
export function matchRoute(pathname: string): { route: TRoute; params: Record<string, string> } | null {
  const path = pathname.split("?")[0]!.split("#")[0]!;
  for (const { route, names, regex } of MATCHERS) {
    const match = regex.exec(path);
    if (!match) continue;
    try {
      return { route, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)])) };
    } catch {
      return null;
    }
  }
  return null;
}

/** The bibliography's page size: a source's number says which page it is on. */
export const SOURCES_PER_PAGE = 500;

/** The address of a source in its negotiation's bibliography: its page, and its entry. */
export function sourceHref(slug: string, number: number): string {
  const page = Math.ceil(number / SOURCES_PER_PAGE);
  return href("sources", { slug }, { page: page > 1 ? page : null }, `source-${number}`);
}

/** The address of a cell's page, with the view's date and search when it has them. */
export function cellHref(slug: string, issue: string, party: string, asOf: string | null = null, q = ""): string {
  return href("cell", { slug, issue, party }, { asOf, q });
}
