-- DropIndex
DROP INDEX "Task_boardId_priorityRank_idx";

-- CreateIndex
CREATE INDEX "Task_boardId_priorityRank_id_idx" ON "Task"("boardId", "priorityRank", "id");

