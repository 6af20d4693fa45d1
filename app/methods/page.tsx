import type { Metadata } from "next";
import Link from "next/link";
import { AGREEMENTS, CONFIDENCE_RULE, confidenceByRule } from "@/lib/cells/confidence";
import { READINGS_RULE } from "@/lib/cells/readings";
import { href } from "@/lib/params/urls";

export const metadata: Metadata = { title: "Methods: confidence by a stated rule, and sources that disagree" };

const ORIGINALS = [0, 1, 2, 3];

/** The stated rule for a position's confidence, in words and as the whole table, computed by the function the app uses. */
export default function MethodsPage() {
  return (
    <article>
      <p className="breadcrumbs">
        <Link href={href("home", {})}>Negotiations</Link>
      </p>
      <h1>Methods: confidence by a stated rule</h1>
      <p className="lede">
        Every position carries two confidences: the dossier&apos;s own rating, and the one this rule computes from the position&apos;s
        evidence. Where they differ, the position&apos;s page gives the dossier&apos;s reason. The rule follows the IPCC&apos;s evidence ×
        agreement; the count of originals follows ACLED and Wikidata in counting copies of one report once.
      </p>
      <ol data-testid="confidence-rule">
        {CONFIDENCE_RULE.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ol>
      <div className="zone-scroll" role="region" aria-label="The rule as a table" tabIndex={0}>
        <table className="lineage-table" data-testid="confidence-table">
          <caption>Confidence by independent originals (rows) and agreement of the readings (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Independent originals</th>
              {AGREEMENTS.map((a) => (
                <th scope="col" key={a}>
                  Agreement {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ORIGINALS.map((n) => (
              <tr key={n}>
                <th scope="row">{n === 3 ? "3 or more (robust)" : n === 2 ? "2 (medium)" : n === 1 ? "1 (limited)" : "none"}</th>
                {AGREEMENTS.map((a) => (
                  <td key={a}>{confidenceByRule(n, a)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="meta">
        A version entered before its evidence was assessed, or by an editor since, is marked &ldquo;not assessed&rdquo;: the rule gives no
        confidence for it until its originals are counted.
      </p>
      <h2 id="readings">When sources disagree</h2>
      <p>
        Following Wikidata&apos;s ranks, ACLED&apos;s practice of showing one figure and noting the dispute, and UCDP&apos;s low and high
        estimates:
      </p>
      <ol data-testid="readings-rule">
        {READINGS_RULE.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ol>
    </article>
  );
}
