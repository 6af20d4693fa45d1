import Link from "next/link";
import { toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/params/matrix-params";
import type { TPresets } from "@/lib/read/matrix-view";

type TProps = { basePath: string; params: TMatrixParams; presets: TPresets; issueCount: number; partyCount: number };

const same = (a: string[] | null, b: string[] | null) => (a ?? []).join(",") === (b ?? []).join(",");

/** One-click views, each one link (one navigation, one history entry), with how many rows or columns it shows. */
export function Presets({ basePath, params, presets, issueCount, partyCount }: TProps) {
  const options = [
    { label: "Everything", count: `${issueCount} × ${partyCount}`, issues: null, parties: null },
    { label: "Core issues", count: `${presets.core.length} issues`, issues: presets.core, parties: params.parties },
    { label: "Documents only", count: `${presets.documents.length} parties`, issues: params.issues, parties: presets.documents },
    { label: "Actors only", count: `${presets.actors.length} parties`, issues: params.issues, parties: presets.actors },
  ].filter((o) => o.issues === null || o.issues.length > 0);
  const usable = options.filter((o) => o.parties === null || o.parties.length > 0);
  return (
    <nav className="presets" aria-label="Quick views">
      <ul>
        {usable.map((option) => {
          const target = { ...params, issues: option.issues, parties: option.parties, page: 1 };
          const isCurrent = same(params.issues, option.issues) && same(params.parties, option.parties);
          return (
            <li key={option.label}>
              <Link
                href={`${basePath}${toQueryString(toMatrixSearchParams(target))}`}
                aria-current={isCurrent ? "true" : undefined}
                data-testid="preset"
              >
                {option.label} <span className="preset-count">({option.count})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
