// Where the app keeps its own data (autosave, recovery copies, settings) when Electron is not there to say:
// the same folder Electron's app.getPath('userData') gives for this product name, so `npm run dev:web` and
// the desktop app share one place.
import os from 'node:os';
import path from 'node:path';

export const productName = 'Demand Workbook';

export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', productName);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), productName);
}
