// The application menu. Each item sends one named command to the window, where the renderer handles it
// exactly as it handles the same button in its own toolbar.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contracts/menu-commands.ts';

export function buildMenuTemplate(send: (command: MenuCommand) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        item('&New workbook', 'new-workbook', 'CmdOrCtrl+N'),
        item('&Open workbook…', 'open-workbook', 'CmdOrCtrl+O'),
        item('Save workbook &as…', 'save-workbook-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('&Import lists…', 'import-lists', 'CmdOrCtrl+I'),
        item('&Export to Excel…', 'export-excel', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { label: isMac ? 'Quit Demand Workbook' : 'E&xit', role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [item('&About Demand Workbook', 'about'), item('&Where is my data?', 'where-is-my-data')],
    },
  );
  return template;
}
