/** tasks.list page size; shared by the server page and the client cache (same query key). */
export const TASK_PAGE_SIZE = 200;
