// Takes the README's picture of the web page (docs/screenshot.png) in Debian's Chromium, against functions that
// already run (./pigeonhole serve): a text classified, the features that pushed it, then the prediction confirmed.
//   node web-test/screenshot.js [predict-url=http://127.0.0.1:8080] [out=docs/screenshot.png]
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = process.argv[2] || 'http://127.0.0.1:8080';
const out = resolve(ROOT, process.argv[3] || 'docs/screenshot.png');
const text = 'The rover landed on Mars after a seven-month flight; NASA engineers will use its drill to look for '
  + 'traces of water in the rocks of the crater, and its cameras to map the orbit of the two moons.';

const browser = await chromium.launch({
  executablePath: process.env.PIGEONHOLE_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base + '/');
  await page.locator('#model-details').waitFor();
  await page.fill('#text', text);
  await page.click('#classify');
  await page.locator('#why li').first().waitFor();
  const predicted = await page.textContent('#category');
  await page.click('#send-feedback'); // the picker starts on the predicted category: this confirms it
  await page.locator('#feedback-status', { hasText: /recorded|refused|failed|error/i }).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${out}: ${predicted}; ${await page.textContent('#feedback-status')}`);
} finally {
  await browser.close();
}
