import { readFile } from "node:fs/promises";
import path from "node:path";

// Only these files are served; the name never reaches the file system unchecked.
const DIST_FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const INIT_JS = `
document.getElementById("mc-origin").textContent = window.location.origin;
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  tryItOutEnabled: false,
  filter: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
});
`;

const DOCS_CSS = `
body { margin: 0; background: #fff; font-family: ui-sans-serif, system-ui, sans-serif; }
.mc-intro { background: #0f172a; color: #cbd5e1; padding: 20px 0; font-size: 14px; line-height: 1.6; }
.mc-wrap, .swagger-ui .wrapper { max-width: 1200px; margin: 0 auto; padding: 0 20px; box-sizing: border-box; }
.mc-intro p { margin: 6px 0; max-width: 860px; }
.mc-intro strong { color: #f8fafc; }
.mc-intro code { background: #1e293b; color: #e2e8f0; padding: 1px 6px; border-radius: 4px; font-size: 13px; }
.mc-intro a { color: #a5b4fc; }
.mc-brand { font-size: 16px; font-weight: 600; color: #f8fafc; }
.mc-brand a { color: #f8fafc; text-decoration: none; }
.mc-brand span { margin-left: 8px; color: #94a3b8; font-weight: 400; }
.mc-example code { display: inline-block; padding: 6px 10px; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #6366f1; outline-offset: 2px; }
`;

export async function GET(_req: Request, { params }: { params: Promise<{ asset: string }> }): Promise<Response> {
  const { asset } = await params;
  if (asset === "init.js") return text(INIT_JS, "text/javascript; charset=utf-8");
  if (asset === "docs.css") return text(DOCS_CSS, "text/css; charset=utf-8");
  const type = Object.hasOwn(DIST_FILES, asset) ? DIST_FILES[asset] : null;
  if (!type) return new Response("Not found", { status: 404 });
  const body = await readFile(path.join(distDir(), asset));
  return new Response(new Uint8Array(body), { headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400" } });
}

function text(body: string, type: string): Response {
  return new Response(body, { headers: { "Content-Type": type, "Cache-Control": "no-cache" } });
}

// Resolved from the working directory: bundlers rewrite require.resolve, and `npm start` runs from the app root.
function distDir(): string {
  return path.join(process.cwd(), "node_modules", "swagger-ui-dist");
}
