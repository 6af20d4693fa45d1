import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AccountNav } from "@/components/account-nav";
import "@/app/globals.css";

export const metadata: Metadata = {
  title: { default: "Negotiation positions", template: "%s · Negotiation positions" },
  description: "Compare negotiating positions side by side, issue by issue, with their sources.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-name">
            Negotiation positions
          </Link>
          <AccountNav />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
