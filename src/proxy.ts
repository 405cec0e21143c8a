// Next 16's proxy (the former middleware). A layout cannot see the request path, so the org
// layout loses deep links when it sends a signed-out visitor to sign in. This forwards the path
// (with its query) in a request header the layout reads for the callbackUrl. It does nothing else.
import { NextResponse, type NextRequest } from "next/server";

// Read by src/app/o/[orgSlug]/layout.tsx.
const PATHNAME_HEADER = "x-mc-pathname";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  // Always overwrite: a client-sent value must never reach the layout.
  headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Only org pages need it; /api, /_next and static files never pass through.
export const config = { matcher: ["/o/:path*"] };
