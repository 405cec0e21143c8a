// An agent's status as operators see it. The stored status says where provisioning is
// (provisioning | online | error | deleting); once provisioned, online vs offline is derived on
// read from the last sign of life and the agent's OWN heartbeat interval, never a fixed window.

export type AgentStatus = "provisioning" | "online" | "offline" | "error" | "deleting";

/** Missing this many intervals in a row makes an agent offline. */
export const MISSED_INTERVALS = 2;

export interface StatusInput {
  status: string;
  heartbeatIntervalSec: number;
  lastHeartbeatAt: Date | null;
  /** When provisioning finished (files written): counts as a sign of life until the first heartbeat is due. */
  filesSyncedAt: Date | null;
}

export function deriveStatus(agent: StatusInput, now = new Date()): AgentStatus {
  if (agent.status !== "online" && agent.status !== "offline") return agent.status as AgentStatus;
  const lastSign = agent.lastHeartbeatAt ?? agent.filesSyncedAt;
  if (!lastSign) return "offline";
  return now.getTime() - lastSign.getTime() <= MISSED_INTERVALS * agent.heartbeatIntervalSec * 1000 ? "online" : "offline";
}

/** When a currently online agent turns offline if it stays silent (for the UI's timers). */
export function offlineAt(agent: StatusInput): Date | null {
  const lastSign = agent.lastHeartbeatAt ?? agent.filesSyncedAt;
  return lastSign ? new Date(lastSign.getTime() + MISSED_INTERVALS * agent.heartbeatIntervalSec * 1000) : null;
}
