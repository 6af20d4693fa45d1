"use client";

import { useState } from "react";

type TProps = {
  /** The id of the element holding the chart's SVG. */
  target: string;
  title: string;
  /** Lines stamped under the title of an exported image: filters, the data's date, the source. */
  stamp: string[];
  /** The file name without extension. */
  filename: string;
  csvHref: string | null;
  embedHref: string | null;
};

const STYLE_PROPERTIES = ["fill", "stroke", "stroke-width", "font-size", "font-family", "font-weight", "font-style", "opacity"];

/** The chart's SVG as a standalone file: computed styles inlined, white background, stamped with title and provenance. */
function standaloneSvg(root: SVGSVGElement, title: string, stamp: string[]): { text: string; width: number; height: number } {
  const box = root.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : root.clientWidth;
  const height = box && box.height > 0 ? box.height : root.clientHeight;
  const clone = root.cloneNode(true) as SVGSVGElement;
  const source = [root, ...root.querySelectorAll("*")];
  [clone, ...clone.querySelectorAll("*")].forEach((element, index) => {
    const computed = getComputedStyle(source[index]!);
    const inline = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
    element.setAttribute("style", inline);
  });
  const top = 22 + stamp.length * 14 + 8;
  const ns = "http://www.w3.org/2000/svg";
  const out = document.createElementNS(ns, "svg");
  out.setAttribute("xmlns", ns);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(height + top));
  out.setAttribute("viewBox", `0 0 ${width} ${height + top}`);
  const background = document.createElementNS(ns, "rect");
  Object.entries({ width: "100%", height: "100%", fill: "#ffffff" }).forEach(([k, v]) => background.setAttribute(k, v));
  out.appendChild(background);
  [title, ...stamp].forEach((line, i) => {
    const text = document.createElementNS(ns, "text");
    Object.entries({
      x: "8",
      y: String(18 + i * 14),
      "font-family": "sans-serif",
      "font-size": i === 0 ? "14" : "10",
      fill: "#1a1a1a",
    }).forEach(([k, v]) => text.setAttribute(k, v));
    if (i === 0) text.setAttribute("font-weight", "bold");
    text.textContent = line;
    out.appendChild(text);
  });
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(top));
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.style.color = "#1a1a1a";
  out.appendChild(clone);
  return { text: new XMLSerializer().serializeToString(out), width, height: height + top };
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A chart's ways off the page: PNG and SVG images stamped with the title, the filters, the data's
 * date and the source; its data as CSV; a link to exactly this view; its embeddable version.
 */
export function ChartTools({ target, title, stamp, filename, csvHref, embedHref }: TProps) {
  const [status, setStatus] = useState("");
  const svg = () => document.getElementById(target)?.querySelector("svg.svg-chart, svg.recharts-surface") as SVGSVGElement | null;
  const download = async (format: "svg" | "png") => {
    const root = svg();
    if (!root) return setStatus("The chart has not been drawn yet.");
    const image = standaloneSvg(root, title, stamp);
    const svgBlob = new Blob([image.text], { type: "image/svg+xml" });
    if (format === "svg") return save(svgBlob, `${filename}.svg`);
    const picture = new Image();
    picture.src = URL.createObjectURL(svgBlob);
    await picture.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: image.width * 2, height: image.height * 2 });
    const context = canvas.getContext("2d")!;
    context.scale(2, 2);
    context.drawImage(picture, 0, 0);
    URL.revokeObjectURL(picture.src);
    canvas.toBlob((blob) => blob && save(blob, `${filename}.png`), "image/png");
  };
  return (
    <div className="chart-tools" role="group" aria-label={`Take “${title}” with you`}>
      <button type="button" onClick={() => download("png")}>
        Download PNG
      </button>
      <button type="button" onClick={() => download("svg")}>
        Download SVG
      </button>
      {csvHref && (
        <a href={csvHref} download>
          Data as CSV
        </a>
      )}
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(`${window.location.href.split("#")[0]}#${target}`);
          setStatus("Link copied.");
        }}
      >
        Copy link
      </button>
      {embedHref && <a href={embedHref}>Embeddable version</a>}
      <span role="status" className="copy-status">
        {status}
      </span>
    </div>
  );
}
