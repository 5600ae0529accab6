// The whole app open in headless Chromium over the loopback bridge, for the browser tests: one place for
// the launch, the first screen and the collection of page errors.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { pacedWorkerEntry, requireRendererBuild, startLoopbackApp, type RunningApp } from './loopback-app.ts';

export interface AppPage {
  app: RunningApp;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions seen in the page. */
  problems: string[];
  close(): Promise<void>;
}

export interface AppPageOptions {
  width?: number;
  height?: number;
  clipboard?: boolean;
  bypassCSP?: boolean;
  /** Each import's row counts paced (tests of the progress bar and Cancel): see paced-work.ts. */
  pacedImports?: boolean;
}

export async function openAppPage(options: AppPageOptions = {}): Promise<AppPage> {
  requireRendererBuild();
  const app = await startLoopbackApp(undefined, undefined, options.pacedImports ? pacedWorkerEntry : undefined);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 720 }, bypassCSP: options.bypassCSP ?? false });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(app.server.launchUrl);
  await page.getByRole('heading', { name: '1. Data' }).waitFor({ timeout: 60_000 }); // slow on a loaded machine
  return {
    app,
    browser,
    page,
    problems,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}
