// The board page as the specs see it: columns are lists named after their status, cards are
// buttons named after their task (and marked "(blocked)" when a dependency is unfinished).
import { expect, type Locator, type Page } from "@playwright/test";

export const column = (page: Page, name: string) => page.getByRole("list", { name, exact: true });
export const card = (scope: Page | Locator, title: string) => scope.getByTestId("task-card").filter({ hasText: title });

/** The board (or dashboard) is hydrated and subscribed to live events. */
export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 10_000 });
}

/** A mouse drag dnd-kit recognises: past its 5 px activation distance first, then across in steps. */
export async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(60, to.height / 2), { steps: 15 });
  await page.mouse.up();
}
