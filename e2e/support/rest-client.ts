// Setting the scene through the REST API with the CLI-made admin token (global setup shares it):
// the boards and tasks a spec needs before an operator looks at them.
import { expect, type APIRequestContext } from "@playwright/test";
import { bearer, e2eState } from "../support";
import type { BoardRulesValue } from "@/lib/schemas/boards";

export type RestBoard = { id: string; orgId: string; name: string; slug: string; leadAgentId: string | null };
export type RestTask = { id: string; boardId: string; title: string; status: string; priority: string; assigneeAgentId: string | null };
type Priority = "low" | "medium" | "high" | "urgent";

const api = (path: string) => `/api/v1${path}`;

export function restClient(request: APIRequestContext) {
  const headers = bearer(e2eState().token);
  const ok = async <T>(res: Promise<import("@playwright/test").APIResponse>): Promise<T> => {
    const r = await res;
    expect(r.status(), `${r.url()}: ${await r.text()}`).toBe(200);
    return (await r.json()) as T;
  };
  return {
    createBoard: (name: string, rules?: Partial<BoardRulesValue>) =>
      ok<RestBoard>(request.post(api(`/orgs/${e2eState().admin.orgSlug}/boards`), { headers, data: { name, ...(rules ? { rules } : {}) } })),
    createTask: (boardId: string, task: { title: string; priority?: Priority; description?: string; status?: string }) =>
      ok<RestTask>(request.post(api(`/boards/${boardId}/tasks`), { headers, data: task })),
    getTask: (boardId: string, taskId: string) => ok<RestTask>(request.get(api(`/boards/${boardId}/tasks/${taskId}`), { headers })),
    getBoard: (boardId: string) => ok<RestBoard>(request.get(api(`/boards/${boardId}`), { headers })),
    /** The raw response, for asserting refusals. */
    updateTaskRaw: (boardId: string, taskId: string, changes: Record<string, unknown>) => request.patch(api(`/boards/${boardId}/tasks/${taskId}`), { headers, data: changes }),
    moveTask: (boardId: string, taskId: string, status: string) => ok<RestTask>(request.post(api(`/boards/${boardId}/tasks/${taskId}/move`), { headers, data: { status } })),
  };
}
