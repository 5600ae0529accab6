import { z } from 'zod';

// The commands the application menu can send to the window. The renderer offers the same commands in its
// own toolbar, so the browser transport (which has no native menu) loses nothing.
export const MenuCommand = z.enum([
  'new-workbook',
  'open-workbook',
  'save-workbook-as',
  'import-lists',
  'export-excel',
  'about',
  'where-is-my-data',
  /** Not a menu item: the app opened a workbook the operating system handed it; show it. */
  'workbook-opened',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;
