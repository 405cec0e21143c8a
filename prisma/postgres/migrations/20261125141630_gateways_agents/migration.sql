-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "desiredState" TEXT NOT NULL DEFAULT 'present',
ADD COLUMN     "filesSyncedAt" TIMESTAMP(3),
ADD COLUMN     "gatewayAgentId" TEXT,
ADD COLUMN     "gatewayId" TEXT,
ADD COLUMN     "heartbeatIntervalSec" INTEGER NOT NULL DEFAULT 300,
ADD COLUMN     "heartbeatMessage" TEXT,
ADD COLUMN     "heartbeatStatus" TEXT,
ADD COLUMN     "identityTemplate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastHeartbeatAt" TIMESTAMP(3),
ADD COLUMN     "nextRetryAt" TIMESTAMP(3),
ADD COLUMN     "provisionStep" TEXT,
ADD COLUMN     "soulTemplate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'provisioning',
ADD COLUMN     "tokenLookupId" TEXT,
ADD COLUMN     "tokenRotatedAt" TIMESTAMP(3),
ADD COLUMN     "tokenSecretHash" TEXT;

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "details" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Gateway" (
    "id" TEXT NOT NULL,
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
    "lastConnectedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Gateway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Gateway_orgId_idx" ON "Gateway"("orgId");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_kind_key_key" ON "Job"("kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_tokenLookupId_key" ON "Agent"("tokenLookupId");

-- CreateIndex
CREATE INDEX "Agent_gatewayId_idx" ON "Agent"("gatewayId");

-- CreateIndex
CREATE INDEX "Agent_desiredState_nextRetryAt_idx" ON "Agent"("desiredState", "nextRetryAt");

-- AddForeignKey
ALTER TABLE "Gateway" ADD CONSTRAINT "Gateway_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agent" ADD CONSTRAINT "Agent_gatewayId_fkey" FOREIGN KEY ("gatewayId") REFERENCES "Gateway"("id") ON DELETE SET NULL ON UPDATE CASCADE;

