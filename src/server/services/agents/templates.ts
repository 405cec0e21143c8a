// What Mission Control writes into an agent's workspace. The gateway (openclaw 2026.9.6) accepts
// AGENTS.md, SOUL.md, IDENTITY.md, USER.md, BOOTSTRAP.md and MEMORY.md through agents.files.set
// and refuses TOOLS.md / HEARTBEAT.md, so the tool instructions go into a managed section of
// AGENTS.md. The agent token is never written into a file: AGENTS.md reaches the model provider
// on every turn. It travels in skill env instead (see credentials.ts and docs/agents.md).

export const MC_BEGIN = "<!-- mission-control:begin (managed by Mission Control; edits are overwritten) -->";
export const MC_END = "<!-- mission-control:end -->";
/** The env variable holding the agent token. Not "…TOKEN": the gateway withholds such names from exec. */
export const TOKEN_ENV = "MC_AGENT_AUTH";
export const URL_ENV = "MC_URL";

export const DEFAULT_SOUL = `# Soul

You are {{name}}, a {{role}} agent on the "{{board}}" board in Mission Control.
Work carefully, say what you did, and ask for approval before anything risky.
`;

export const DEFAULT_IDENTITY = `# Identity

- Name: {{name}}
- Role: {{role}}
- Board: {{board}}
`;

export interface TemplateVars {
  name: string;
  role: string;
  board: string;
  agentId: string;
  baseUrl: string;
  heartbeatIntervalSec: number;
}

/** `{{name}}`-style placeholders; unknown ones stay as written. */
export function renderTemplate(template: string, vars: TemplateVars): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in vars ? String(vars[key as keyof TemplateVars]) : whole));
}

export function missionControlBaseUrl(): string {
  return (process.env.MC_PUBLIC_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

/** The Mission Control section of AGENTS.md: where the API is and how to call it (no secret). */
export function missionControlSection(vars: TemplateVars, tools?: string): string {
  const api = `${vars.baseUrl}/api/v1`;
  const auth = `-H "Authorization: Bearer $${TOKEN_ENV}"`;
  const lines = [
    MC_BEGIN,
    "## Mission Control",
    "",
    `You report your work to Mission Control at ${api} (OpenAPI: ${vars.baseUrl}/api/openapi.json, tag "agent").`,
    `Your agent token is in the environment variable \`$${TOKEN_ENV}\` of your commands (and the URL in \`$${URL_ENV}\`). Never print, echo or repeat the token.`,
    "",
    `- Heartbeat every ${vars.heartbeatIntervalSec} s: \`curl -s -X POST ${auth} -H 'Content-Type: application/json' -d '{"status":"working","message":"what you are doing"}' "$${URL_ENV}/api/v1/agent/heartbeat"\``,
    `- Your board's tasks: \`curl -s ${auth} "$${URL_ENV}/api/v1/agent/tasks"\``,
    `- Move a task (inbox, in_progress, review, done; board rules apply): \`curl -s -X POST ${auth} -H 'Content-Type: application/json' -d '{"status":"in_progress","comment":"why"}' "$${URL_ENV}/api/v1/agent/tasks/<taskId>/move"\``,
    `- Comment on a task: \`curl -s -X POST ${auth} -H 'Content-Type: application/json' -d '{"body":"text"}' "$${URL_ENV}/api/v1/agent/tasks/<taskId>/comments"\``,
    `- Ask a human for approval: \`curl -s -X POST ${auth} -H 'Content-Type: application/json' -d '{"taskId":"<optional>","title":"what","details":"why"}' "$${URL_ENV}/api/v1/agent/approvals"\``,
  ];
  if (tools?.trim()) lines.push("", "### Tools", "", tools.trim());
  lines.push(MC_END);
  return lines.join("\n");
}

/** Replaces (or appends) the managed section, leaving the rest of AGENTS.md as it is. */
export function withMissionControlSection(current: string, section: string): string {
  const start = current.indexOf(MC_BEGIN.slice(0, "<!-- mission-control:begin".length));
  const end = current.indexOf(MC_END);
  if (start !== -1 && end !== -1 && end > start) return `${current.slice(0, start)}${section}${current.slice(end + MC_END.length)}`;
  return `${current.trimEnd()}${current.trim() ? "\n\n" : ""}${section}\n`;
}

/** The SKILL.md that makes the per-agent skill (and so its env) eligible for this agent only. */
export function skillMarkdown(skillKey: string): string {
  return [
    "---",
    `name: ${skillKey}`,
    "description: Report work to Mission Control (heartbeat, tasks, comments, approvals) over its REST API.",
    "---",
    "",
    `Call the Mission Control API with \`curl -H "Authorization: Bearer $${TOKEN_ENV}" "$${URL_ENV}/api/v1/agent/..."\` (see the Mission Control section of AGENTS.md).`,
    "",
  ].join("\n");
}

/** A line diff (unified-ish, no context trimming beyond 3 lines) for dry runs. */
export function lineDiff(before: string, after: string): string {
  if (before === after) return "";
  const a = before.split("\n");
  const b = after.split("\n");
  // LCS table; files are small (a few KB).
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || dp[i][j + 1] >= dp[i + 1][j])) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  // Keep changed lines with up to 2 lines of context.
  const keep = new Set<number>();
  out.forEach((line, k) => {
    if (!line.startsWith("  ")) for (let d = -2; d <= 2; d++) keep.add(k + d);
  });
  const lines: string[] = [];
  let last = -1;
  out.forEach((line, k) => {
    if (!keep.has(k)) return;
    if (last !== -1 && k !== last + 1) lines.push("…");
    lines.push(line);
    last = k;
  });
  return lines.join("\n");
}

/** The "### Tools" part of an existing Mission Control section (kept across re-renders). */
export function extractTools(agentsMd: string): string | undefined {
  const start = agentsMd.indexOf(MC_BEGIN.slice(0, "<!-- mission-control:begin".length));
  const end = agentsMd.indexOf(MC_END);
  if (start === -1 || end === -1) return undefined;
  const section = agentsMd.slice(start, end);
  const at = section.indexOf("\n### Tools\n");
  return at === -1 ? undefined : section.slice(at + "\n### Tools\n".length).trim() || undefined;
}
