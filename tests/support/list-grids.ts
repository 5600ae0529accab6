// A Data step's lists as the browser tests reach them (children's services or housing): the grid each list
// is pasted into, named by its panel's label, and the line that counts what the last import read.
import type { Locator, Page } from 'playwright-core';

export function listGrids<L extends string>(page: () => Page, labels: Readonly<Record<L, string>>) {
  const grid = (list: L): Locator => page().getByRole('grid', { name: `${labels[list]}: paste rows from Excel here with Ctrl+V` });
  return {
    grid,
    /** "12 accepted, 1 rejected, 0 blank of 13 rows read." for one list. */
    counts: (list: L): Locator => page().locator(`p.counts[data-list="${list}"]`),
    /** Puts `text` on the clipboard (Excel puts tab-separated rows there) and pastes it into the list's grid with Ctrl+V. */
    async pasteInto(list: L, text: string): Promise<void> {
      await page().evaluate((t) => navigator.clipboard.writeText(t), text);
      await grid(list).click();
      await page().keyboard.press('Control+V');
    },
  };
}
