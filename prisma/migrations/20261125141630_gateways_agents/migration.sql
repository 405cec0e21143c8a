-- CreateTable
CREATE TABLE "Gateway" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "workspaceRoot" TEXT NOT NULL DEFAULT '',
    "allowInsecureTls" BOOLEAN NOT NULL DEFAULT false,
    "tokenCiphertext" TEXT NOT NULL,
    "devicePublicKey" TEXT,
    "deviceKeyCiphertext" TEXT,
    "deviceTokenCiphertext" TEXT,
    "status" TEXT NOT NULL DEFAULT 'connecting',
    "lastError" TEXT,
    "pairingRequestId" TEXT,
    "serverVersion" TEXT,
    "lastConnectedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Gateway_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "boardId" TEXT,
    "gatewayId" TEXT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'worker',
    "soulTemplate" TEXT NOT NULL DEFAULT '',
    "identityTemplate" TEXT NOT NULL DEFAULT '',
    "heartbeatIntervalSec" INTEGER NOT NULL DEFAULT 300,
    "desiredState" TEXT NOT NULL DEFAULT 'present',
    "status" TEXT NOT NULL DEFAULT 'provisioning',
    "gatewayAgentId" TEXT,
    "provisionStep" TEXT,
    "lastError" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextRetryAt" DATETIME,
    "lastHeartbeatAt" DATETIME,
    "heartbeatStatus" TEXT,
    "heartbeatMessage" TEXT,
    "tokenLookupId" TEXT,
    "tokenSecretHash" TEXT,
    "tokenRotatedAt" DATETIME,
    "filesSyncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Agent_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Agent_gatewayId_fkey" FOREIGN KEY ("gatewayId") REFERENCES "Gateway" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Agent" ("boardId", "createdAt", "id", "name", "orgId", "role", "updatedAt") SELECT "boardId", "createdAt", "id", "name", "orgId", "role", "updatedAt" FROM "Agent";
DROP TABLE "Agent";
ALTER TABLE "new_Agent" RENAME TO "Agent";
CREATE UNIQUE INDEX "Agent_tokenLookupId_key" ON "Agent"("tokenLookupId");
CREATE INDEX "Agent_orgId_idx" ON "Agent"("orgId");
CREATE INDEX "Agent_boardId_idx" ON "Agent"("boardId");
CREATE INDEX "Agent_gatewayId_idx" ON "Agent"("gatewayId");
CREATE INDEX "Agent_desiredState_nextRetryAt_idx" ON "Agent"("desiredState", "nextRetryAt");
CREATE TABLE "new_Approval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "taskId" TEXT,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedByKind" TEXT NOT NULL,
    "requestedById" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Approval_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Approval_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Approval" ("boardId", "createdAt", "id", "orgId", "requestedById", "requestedByKind", "resolvedAt", "resolvedById", "status", "taskId", "title", "updatedAt") SELECT "boardId", "createdAt", "id", "orgId", "requestedById", "requestedByKind", "resolvedAt", "resolvedById", "status", "taskId", "title", "updatedAt" FROM "Approval";
DROP TABLE "Approval";
ALTER TABLE "new_Approval" RENAME TO "Approval";
CREATE INDEX "Approval_taskId_status_idx" ON "Approval"("taskId", "status");
CREATE INDEX "Approval_boardId_status_idx" ON "Approval"("boardId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Gateway_orgId_idx" ON "Gateway"("orgId");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_kind_key_key" ON "Job"("kind", "key");

