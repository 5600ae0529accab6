// `npm start`: build, then open the desktop app. Electron's binary is fetched on first run; where that is
// impossible (offline machines, council proxies) say so plainly and point to the browser version.
import { spawn, spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);

// Requiring the package downloads the binary the first time and throws if it cannot. Do it in a child so
// the downloader's stack trace does not bury the explanation below.
console.log('Preparing the desktop window (the first run downloads Electron)...');
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 15 * 60 * 1000 });
const electronPath = probe.status === 0 ? probe.stdout.trim() : null;
if (!electronPath) {
  const detail = `${probe.stderr ?? ''}`.split('\n').find((line) => /Error|failed/i.test(line))?.trim() ?? 'no detail';
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

Your data is not affected: nothing was sent anywhere.
(Technical detail: ${detail})`);
  process.exit(1);
}

const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
