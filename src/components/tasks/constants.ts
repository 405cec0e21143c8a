/** Tasks per kanban column page; shared by the server page and the client cache (same query key). */
export const COLUMN_PAGE_SIZE = 50;
/** Rows per page in the list view. */
export const LIST_PAGE_SIZE = 50;
