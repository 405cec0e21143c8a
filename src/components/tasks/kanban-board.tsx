"use client";
// The board's four columns with drag and drop (pointer, touch and keyboard). While a drag is in
// progress the columns render from a local id layout (`drag.items`) that follows the pointer
// across columns; on drop the final neighbour becomes `afterTaskId` for tasks.move.
import { useMemo, useRef, useState } from "react";
import {
  closestCenter,
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { STATUS_LABELS, TASK_STATUSES, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";
import { groupByStatus, type BoardTasks, type TaskColumns } from "./board-tasks";
import { KanbanColumn } from "./kanban-column";
import { TaskCardOverlay } from "./task-card";

type Layout = Record<TaskStatusValue, string[]>;

const isStatus = (id: UniqueIdentifier): id is TaskStatusValue => (TASK_STATUSES as readonly string[]).includes(String(id));

function containerOf(id: UniqueIdentifier, layout: Layout): TaskStatusValue | null {
  if (isStatus(id)) return id;
  return TASK_STATUSES.find((s) => layout[s].includes(String(id))) ?? null;
}

function layoutOf(columns: TaskColumns): Layout {
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, columns[s].map((t) => t.id)])) as Layout;
}

const screenReaderInstructions = {
  draggable:
    "To move a task, press Space to pick it up. Use the arrow keys to move it within a column or to another column, then press Space or Enter to drop it, or Escape to cancel. Press Enter to open the task.",
};

export function KanbanBoard({
  data,
  totals,
  onMove,
  onOpen,
  onAdd,
  onLoadMore,
  readOnly,
}: {
  data: BoardTasks;
  /** Tasks per status on the server (for columns not fully loaded). */
  totals: Record<string, number> | null;
  onMove: (taskId: string, status: TaskStatusValue, afterTaskId: string | null) => void;
  onOpen: (task: Task) => void;
  onAdd?: (status: TaskStatusValue) => void;
  onLoadMore: (status: TaskStatusValue) => Promise<void>;
  readOnly?: boolean;
}) {
  const tasks = data.items;
  const columns = useMemo(() => groupByStatus(data.items, data.columns), [data]);
  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const [drag, setDrag] = useState<{ activeId: string; items: Layout } | null>(null);
  // Handlers and announcements read the layout synchronously; state only drives rendering.
  const dragRef = useRef<{ activeId: string; items: Layout } | null>(null);
  const setDragBoth = (next: { activeId: string; items: Layout } | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter stays free to open a card; Space picks it up.
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter", "Tab"] },
    }),
  );

  const view: TaskColumns = useMemo(() => {
    if (!drag) return columns;
    return Object.fromEntries(
      TASK_STATUSES.map((s) => [s, drag.items[s].map((id) => byId.get(id)).filter((t): t is Task => t !== undefined)]),
    ) as TaskColumns;
  }, [drag, columns, byId]);

  /** Pointer: the card under the pointer, else the nearest card in the column under it, else the column. Keyboard: closest corners. */
  const collisionDetection: CollisionDetection = (args) => {
    const layout = dragRef.current?.items;
    const hits = pointerWithin(args);
    if (!layout || hits.length === 0) return closestCorners(args);
    const card = hits.find((h) => !isStatus(h.id));
    if (card) return [card];
    const column = hits.find((h) => isStatus(h.id))!.id as TaskStatusValue;
    const inColumn = args.droppableContainers.filter((c) => c.id !== args.active.id && layout[column].includes(String(c.id)));
    if (inColumn.length === 0) return [{ id: column }];
    const nearest = closestCenter({ ...args, droppableContainers: inColumn });
    return nearest.length ? nearest : [{ id: column }];
  };

  function onDragStart({ active }: DragStartEvent) {
    setDragBoth({ activeId: String(active.id), items: layoutOf(columns) });
  }

  function onDragOver({ active, over }: DragOverEvent) {
    const current = dragRef.current;
    if (!current || !over) return;
    const from = containerOf(active.id, current.items);
    const to = containerOf(over.id, current.items);
    if (!from || !to || from === to) return;
    const activeId = String(active.id);
    const target = current.items[to].filter((id) => id !== activeId);
    let index = target.length;
    if (!isStatus(over.id)) {
      const overIndex = target.indexOf(String(over.id));
      const translated = active.rect.current.translated;
      const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
      if (overIndex >= 0) index = overIndex + (below ? 1 : 0);
    }
    target.splice(index, 0, activeId);
    setDragBoth({ ...current, items: { ...current.items, [from]: current.items[from].filter((id) => id !== activeId), [to]: target } });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const current = dragRef.current;
    const task = byId.get(String(active.id));
    if (!current || !task || !over) return finish();
    let items = current.items;
    const container = containerOf(active.id, items);
    if (!container) return finish();
    if (!isStatus(over.id) && containerOf(over.id, items) === container) {
      const list = items[container];
      const oldIndex = list.indexOf(task.id);
      const newIndex = list.indexOf(String(over.id));
      if (oldIndex !== newIndex && newIndex !== -1) items = { ...items, [container]: arrayMove(list, oldIndex, newIndex) };
    }
    const list = items[container];
    const index = list.indexOf(task.id);
    const afterTaskId = index > 0 ? list[index - 1] : null;

    const original = columns[task.status];
    const originalIndex = original.findIndex((t) => t.id === task.id);
    const originalAfter = originalIndex > 0 ? original[originalIndex - 1].id : null;
    if (container === task.status && afterTaskId === originalAfter) return finish();

    // Keep the dropped layout on screen until the optimistic cache write has rendered, so the card never flickers back.
    setDragBoth({ ...current, items });
    onMove(task.id, container, afterTaskId);
    setTimeout(() => finish(), 0);
  }

  function finish() {
    setDragBoth(null);
  }

  const describe = (id: UniqueIdentifier) => byId.get(String(id))?.title ?? "task";
  const placeOf = (overId: UniqueIdentifier, activeId: UniqueIdentifier) => {
    const layout = dragRef.current?.items ?? layoutOf(columns);
    const column = containerOf(overId, layout);
    if (!column) return null;
    const list = layout[column];
    const position = isStatus(overId) ? list.indexOf(String(activeId)) + 1 || list.length + 1 : list.indexOf(String(overId)) + 1;
    const total = list.includes(String(activeId)) ? list.length : list.length + 1;
    return `${STATUS_LABELS[column]}, position ${Math.max(position, 1)} of ${total}`;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up task ${describe(active.id)}, in ${placeOf(active.id, active.id) ?? "its column"}.`,
    onDragOver: ({ active, over }) =>
      over ? `Task ${describe(active.id)} is over ${placeOf(over.id, active.id)}.` : `Task ${describe(active.id)} is not over a column.`,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped task ${describe(active.id)} in ${placeOf(over.id, active.id)}.` : `Dropped task ${describe(active.id)}; it stays where it was.`,
    onDragCancel: ({ active }) => `Cancelled moving task ${describe(active.id)}; it is back where it was.`,
  };

  const activeTask = drag ? byId.get(drag.activeId) : undefined;

  return (
    <DndContext
      id="kanban-board"
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={finish}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      <div className="flex gap-3 overflow-x-auto pb-2 md:gap-4">
        {TASK_STATUSES.map((status) => (
          <KanbanColumn
            key={status}
            status={status}
            tasks={view[status]}
            total={totals?.[status] ?? null}
            hasMore={data.columns[status].nextCursor !== null}
            onLoadMore={onLoadMore}
            onOpen={onOpen}
            onAdd={onAdd}
            readOnly={readOnly}
          />
        ))}
      </div>
      <DragOverlay>{activeTask ? <TaskCardOverlay task={activeTask} /> : null}</DragOverlay>
    </DndContext>
  );
}
