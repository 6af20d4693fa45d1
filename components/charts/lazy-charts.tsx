"use client";

import dynamic from "next/dynamic";

// The chart library is most of the charts page's JavaScript. The charts are drawings of what the
// page already says in words and tables, so their code loads after the page instead of before it.
export const LazyStripChart = dynamic(() => import("@/components/charts/strip-chart").then((m) => m.StripChart), { ssr: false });
export const LazySpreadChart = dynamic(() => import("@/components/charts/spread-chart").then((m) => m.SpreadChart), { ssr: false });
