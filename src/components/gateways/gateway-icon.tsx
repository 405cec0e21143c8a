import type { SVGProps } from "react";

/** A server with a link: the nav icon for gateways. */
export const GatewayIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden {...p}>
    <rect x="3" y="3" width="14" height="5" rx="1.5" />
    <rect x="3" y="12" width="14" height="5" rx="1.5" />
    <path d="M6 5.5h.01M6 14.5h.01M10 8v4" />
  </svg>
);
