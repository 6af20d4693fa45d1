"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A plain-text citation of this page with its permalink and the access date, and a button that
 * copies it. The server knows only the path; the browser completes it with this site's address.
 */
export function CiteThis({ text, path }: { text: string; path: string }) {
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const [copied, setCopied] = useState(false);
  // `text` holds "{permalink}" where the address goes.
  const citation = text.replace("{permalink}", `${origin}${path}`);
  return (
    <section className="cite" aria-labelledby="cite-title">
      <h2 id="cite-title">Cite this</h2>
      <p className="citation" data-testid="citation">
        {citation}
      </p>
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(citation);
          setCopied(true);
        }}
      >
        Copy citation
      </button>
      <span role="status" className="copy-status">
        {copied ? " Copied." : ""}
      </span>
    </section>
  );
}
