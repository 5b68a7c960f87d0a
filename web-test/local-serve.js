// What both browser tests share: ./pigeonhole serve started on free loopback ports against a store of the test's own,
// stopped with every function it started, and Debian's Chromium opened on the page with nothing to reach but loopback.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
export const OUT = resolve(HERE, 'target');
export const SHOTS = join(OUT, 'screenshots');
export const HOST = '127.0.0.1';
const CHROMIUM = process.env.PIGEONHOLE_CHROMIUM || '/usr/bin/chromium';

// Chromium must not try to reach the network: only this machine's loopback is used.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** The runnable jar of a module: not the original before shading, the tests' jar or a function's libraries' jar. */
export function jarOf(module) {
  const dir = join(ROOT, module, 'target');
  const jar = existsSync(dir) && readdirSync(dir).find((f) => f.startsWith(`pigeonhole-${module}-`)
    && f.endsWith('.jar') && !f.endsWith('-tests.jar') && !f.endsWith('-libs.jar'));
  assert.ok(jar, `${module} is not built: run ./mvnw -B package -DskipTests first`);
  return join(dir, jar);
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitForHealth(url, serve, seconds, log) {
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  while (Date.now() < deadline) {
    assert.equal(serve.exitCode, null, `./pigeonhole serve stopped early; see ${log}`);
    try {
      const response = await fetch(url);
      if (response.ok) {
        return response.json();
      }
      last = `HTTP ${response.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not healthy after ${seconds} s (${last}); see ${log}`);
}

/**
 * Starts ./pigeonhole serve on the store, with the extra environment, once both functions report healthy; its
 * output goes to target/<logName>. The launcher's retrain loop stays idle during a test.
 */
export async function serveLocally({ store, env = {}, logName }) {
  const predictPort = await freePort();
  const feedbackPort = await freePort();
  const log = join(OUT, logName);
  const output = createWriteStream(log);
  const serve = spawn(join(ROOT, 'pigeonhole'), ['serve'], {
    cwd: ROOT,
    detached: true, // its own process group, so that every function it starts stops with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PREDICT_PORT: String(predictPort),
      FEEDBACK_PORT: String(feedbackPort),
      PIGEONHOLE_STORE: `file:${store}`,
      PIGEONHOLE_CHANNEL: 'production',
      PIGEONHOLE_RETRAIN_POLL_SECONDS: '3600',
      ...env,
    },
  });
  serve.stdout.pipe(output);
  serve.stderr.pipe(output);
  const base = `http://${HOST}:${predictPort}`;
  const feedbackBase = `http://${HOST}:${feedbackPort}`;
  await waitForHealth(`${base}/health`, serve, 120, log);
  await waitForHealth(`${feedbackBase}/health`, serve, 120, log);
  return { serve, base, feedbackBase };
}

/** Stops what serveLocally started: TERM to its process group, KILL after 15 s. */
export async function stopServe(serve) {
  if (serve && serve.exitCode === null) {
    const stopped = new Promise((r) => serve.once('exit', r));
    process.kill(-serve.pid, 'SIGTERM');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 15_000))]);
    if (serve.exitCode === null) {
      process.kill(-serve.pid, 'SIGKILL');
    }
  }
}

/** Chromium on the page at base/, recording every URL the page requests and every error it logs. */
export async function openPage(base) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requested = [];
  const consoleErrors = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${base}/`);
  return { browser, page, requested, consoleErrors };
}
