// `npm run dev:web`: the browser version prints its private link and nothing else, and honours
// BROWSER=none (no browser opened), as developers expect from other tools.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCommand } from '../../electron/loopback/browser-opener.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dev-web-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A stand-in for the system's opener that records what it was asked to open.
const fakeBin = path.join(scratch, 'bin');
const opened = path.join(scratch, 'opened.txt');

async function runDevWeb(env: Record<string, string | undefined>): Promise<string> {
  mkdirSync(fakeBin, { recursive: true });
  writeFileSync(path.join(fakeBin, 'xdg-open'), `#!/bin/sh\necho "$1" >> ${JSON.stringify(opened)}\n`);
  chmodSync(path.join(fakeBin, 'xdg-open'), 0o755);
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/loopback/dev-web.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, DEMAND_WORKBOOK_DATA: path.join(scratch, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev:web did not print its link: ${out}`)), 60_000);
    child.stdout.on('data', () => {
      if (out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await new Promise((r) => setTimeout(r, 1500)); // time for an opener, were one started
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return out;
}

describe('npm run dev:web', () => {
  it('chooses the opener from BROWSER', () => {
    expect(browserCommand('http://127.0.0.1:1/x', { BROWSER: 'none' }, 'linux')).toBeNull();
    expect(browserCommand('http://127.0.0.1:1/x', { BROWSER: 'NONE' }, 'win32')).toBeNull();
    expect(browserCommand('http://127.0.0.1:1/x', { BROWSER: 'firefox' }, 'linux')).toEqual(['firefox', ['http://127.0.0.1:1/x']]);
    expect(browserCommand('http://127.0.0.1:1/x', {}, 'linux')).toEqual(['xdg-open', ['http://127.0.0.1:1/x']]);
    expect(browserCommand('http://127.0.0.1:1/x', {}, 'linux', ['--no-open'])).toBeNull();
  });

  it('with BROWSER=none prints only its link and opens nothing; without it, opens the link', { timeout: 150_000 }, async () => {
    const quiet = await runDevWeb({ BROWSER: 'none' });
    expect(quiet.trim().split('\n')[0]).toBe('Demand Workbook is running on this computer only (nothing is sent anywhere).');
    expect(quiet).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
    expect(quiet).not.toMatch(/vite|built in|modules transformed|warning/i);
    expect(existsSync(opened)).toBe(false);

    await runDevWeb({ BROWSER: undefined });
    expect(readFileSync(opened, 'utf8')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('builds the renderer quietly', () => {
    const scripts = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts['dev:web']).toMatch(/^vite build --logLevel (warn|error) && tsx electron\/loopback\/dev-web\.ts$/);
  });
});
