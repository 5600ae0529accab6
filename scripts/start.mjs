// `npm start`: build, then open the desktop app. Electron's binary is fetched on first run; where that is
// impossible (offline machines, council proxies) say so plainly and point to the browser version.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electronPath;
try {
  // Requiring the package downloads the binary the first time, and throws if it cannot.
  electronPath = createRequire(import.meta.url)('electron');
} catch {
  console.error(`
Demand Workbook could not start its desktop window.

The desktop window needs Electron, which is downloaded from the internet the first time you run
"npm start". The download did not work: this computer may be offline, or a proxy or firewall
(common on council networks) may be blocking it.

What to do:
  - Use the app in your web browser instead, on this computer only:   npm run dev:web
  - Or, once you have internet access (or your IT team allows downloads from GitHub), run
    "npm start" again. Behind a proxy, set HTTPS_PROXY first; with an internal mirror, set
    ELECTRON_MIRROR to its address.
  - Or ask IT for the installer (built with "npm run dist"), which needs no download.

Your data is not affected: nothing was sent anywhere.`);
  process.exit(1);
}

const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
