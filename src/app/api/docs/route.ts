// The interactive API reference: Swagger UI from the installed swagger-ui-dist package, served
// by ./[asset] (no CDN: installations may have no internet access).
export const dynamic = "force-static";

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>API reference · Mission Control</title>
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" />
<link rel="stylesheet" href="/api/docs/swagger-ui.css" />
<link rel="stylesheet" href="/api/docs/docs.css" />
</head>
<body>
<header class="mc-intro">
  <div class="mc-wrap">
    <p class="mc-brand"><a href="/">Mission Control</a> <span>API reference</span></p>
    <p>Every operation below is also callable from scripts at <code>/api/v1</code>. To try them here:
    create a token in <strong>Settings → API tokens</strong>, press <strong>Authorize</strong>, paste the token
    (<code>mc_…</code>, without “Bearer”) and use <strong>Try it out</strong>. Org-scoped paths take the organization id or its slug.</p>
    <p class="mc-example"><code>curl -H "Authorization: Bearer mc_…" <span id="mc-origin"></span>/api/v1/orgs</code></p>
    <p class="mc-links"><a href="/api/openapi.json">OpenAPI document (JSON)</a></p>
  </div>
</header>
<main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

export function GET(): Response {
  return new Response(HTML, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" } });
}
