// Renders renderer/public/favicon.svg to build/icon.png (1024 px) with Debian's Chromium, for
// electron-builder, which derives the Windows .ico and macOS .icns from it. Run by hand when the icon changes.
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../tests/support/browser.ts';

const svg = readFileSync('renderer/public/favicon.svg', 'utf8');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`);
await page.screenshot({ path: 'build/icon.png', omitBackground: true, clip: { x: 0, y: 0, width: 1024, height: 1024 } });
await browser.close();
console.log('Wrote build/icon.png');
