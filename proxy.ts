import { NextResponse, type NextRequest } from "next/server";

/** Whether a path's percent-encoding is well formed; Next's router answers 500 to one that is not. */
export function isWellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Turns a malformed address into a plain 400 instead of a server error. */
export function proxy(request: NextRequest) {
  if (isWellFormedPath(request.nextUrl.pathname)) return NextResponse.next();
  return NextResponse.json({ error: "The address is not validly percent-encoded." }, { status: 400 });
}

export const config = { matcher: ["/negotiations/:path*", "/api/:path*"] };
