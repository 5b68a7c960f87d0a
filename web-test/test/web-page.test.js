// The web page in a real browser: Debian's Chromium, driven by playwright-core, against
// ./pigeonhole serve (predict and feedback functions) on loopback ports, serving a small model
// trained for the test in a temporary store. Screenshots go to web-test/target/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { jarOf, openPage, ROOT, serveLocally, SHOTS, stopServe } from '../local-serve.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PDF = resolve(HERE, '..', 'fixtures', 'launch-report.pdf');

// A one-page PDF about a space mission, made large (as scans and attachments make real ones) by an attached
// file of incompressible bytes, with the cross-reference offsets a PDF reader checks.
function largePdf(size) {
  const text = 'NASA launched the space probe on a rocket to orbit Jupiter and its moons.';
  const content = `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`;
  const padding = Buffer.alloc(size, 0);
  for (let i = 0, x = 7; i < size; i++) { x = (x * 1103515245 + 12345) >>> 0; padding[i] = x >>> 24; }
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(scan.bin) 6 0 R] >> >> >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    Buffer.from('<< /Type /Filespec /F (scan.bin) /EF << /F 7 0 R >> >>'),
    Buffer.concat([Buffer.from(`<< /Type /EmbeddedFile /Length ${size} >>\nstream\n`), padding, Buffer.from('\nendstream')]),
  ];
  const parts = [Buffer.from('%PDF-1.7\n')];
  const offsets = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(length);
    parts.push(object);
    length += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`].join('');
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

/** Every 40th example of the reference data: a model that trains in seconds. */
function writeSample(dir) {
  const lines = gunzipSync(readFileSync(join(ROOT, 'data', '20news', 'train.jsonl.gz'))).toString('utf8')
    .split('\n').filter((line) => line.trim() !== '');
  const sample = join(dir, 'sample.jsonl');
  writeFileSync(sample, `${lines.filter((_, i) => i % 40 === 0).join('\n')}\n`);
  return sample;
}

/** The feedback records in the store, by feedback id. */
function feedbackRecords(store) {
  const dir = join(store, 'feedback', 'records');
  const records = new Map();
  // A record's key is derived from its client and prediction id; the feedback id is inside it.
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const record = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    records.set(record.feedback_id, record);
  }
  return records;
}

function feedbackIdShown(status) {
  return /\(feedback ([\w-]+)\)/.exec(status)[1];
}

describe('the web page', () => {
  let work;
  let store;
  let serve;
  let base;
  let feedbackBase;
  let browser;
  let page;
  let requested;
  let consoleErrors;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'pigeonhole-web-test-'));
    store = join(work, 'store');
    const trained = spawnSync('java', ['-jar', jarOf('retrain-job'), 'train', '--data', writeSample(work),
      '--store', `file:${store}`, '--max-iterations', '50'], { encoding: 'utf8', timeout: 180_000 });
    assert.equal(trained.status, 0, `training the test model failed:\n${trained.stdout}\n${trained.stderr}`);

    // The second feedback requests a retrain, which the page says.
    ({ serve, base, feedbackBase } = await serveLocally({ store, env: { PIGEONHOLE_RETRAIN_EVERY: '2' }, logName: 'serve.log' }));
    ({ browser, page, requested, consoleErrors } = await openPage(base));
  });

  after(async () => {
    await browser?.close();
    await stopServe(serve);
    if (work) {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test('shows the served model: version, training date, metrics and confusion matrix', async () => {
    const manifest = await (await fetch(`${base}/model`)).json();

    await page.locator('#model-details').waitFor();
    assert.equal(await page.textContent('#model-version'), manifest.version);
    assert.equal(await page.textContent('#model-created'), `${manifest.created_at.slice(0, 16).replace('T', ' ')} UTC`);
    const accuracy = page.locator('#metrics tr').filter({ has: page.getByRole('rowheader', { name: 'Accuracy', exact: true }) });
    assert.equal(await accuracy.locator('td').textContent(), `${(manifest.metrics.accuracy * 100).toFixed(1)}%`);
    assert.match(await page.textContent('#metrics'), /Macro F1/);
    await page.locator('#per-class').waitFor();
    assert.equal(await page.locator('#per-class tbody tr').count(), manifest.labels.length);
    await page.waitForFunction(() => document.getElementById('matrix').complete
      && document.getElementById('matrix').naturalWidth > 0);
    assert.match(await page.getAttribute('#matrix', 'alt'), new RegExp(manifest.version));
  });

  test('classifies a typed text from the keyboard and shows a bar per category', async () => {
    const text = 'The Mets won the baseball game in extra innings last night';
    const api = await (await fetch(`${base}/predict`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
    })).json();

    await page.focus('#text');
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'classify');
    await page.keyboard.press('Enter');

    await page.locator('#result').waitFor();
    assert.equal(await page.textContent('#category'), 'Sport');
    assert.equal(await page.textContent('#category'), api.category_name);
    const names = await page.locator('#scores li .name').allTextContents();
    assert.deepEqual(names, api.confidence_scores.map((s) => s.name));
    assert.equal(names.length, 7);
    assert.equal(await page.textContent('#scores li.best .name'), 'Sport');
    // Under the bars: the five features that pushed Sport most, each read from the text, strongest first.
    assert.equal(await page.textContent('#why-category'), 'Sport');
    const why = await page.locator('#why li .feature').allTextContents();
    assert.equal(why.length, 5);
    for (const feature of why) {
      assert.ok(text.toLowerCase().includes(feature.replaceAll('…', '')), feature);
    }
    const pushes = (await page.locator('#why li .contribution').allTextContents()).map((v) => Number(v.slice(1)));
    assert.deepEqual(pushes, [...pushes].sort((a, b) => b - a));
    assert.ok(pushes.every((v) => v > 0), pushes.join());
    assert.equal(await page.textContent('#result-version'), api.model_version);
    assert.match(await page.textContent('#elapsed'), /^\d+ ms$/);
    assert.match(await page.textContent('#send-feedback'), /^Confirm Sport$/);
    await page.screenshot({ path: join(SHOTS, 'classify-text.png'), fullPage: true });
  });

  test('confirming a prediction sends feedback and says no retrain was requested yet', async () => {
    await page.click('#send-feedback');

    await page.locator('#feedback-status', { hasText: 'recorded' }).waitFor();
    const status = await page.textContent('#feedback-status');
    assert.match(status, /^Confirmation recorded: Sport \(feedback [\w-]+\)\. No retrain requested yet\.$/);
    const records = feedbackRecords(store);
    assert.equal(records.size, 1);
    const record = records.get(feedbackIdShown(status));
    assert.equal(record.true_label, 'Sport');
    assert.equal(record.text, 'The Mets won the baseball game in extra innings last night');
  });

  test('shows the API\'s message for an empty text, not a blank page', async () => {
    await page.fill('#text', '   ');
    await page.click('#classify');

    await page.locator('#error').waitFor();
    assert.equal(await page.textContent('#error'),
      '"text" is empty or only whitespace: send the text to classify (HTTP 400)');
    await page.screenshot({ path: join(SHOTS, 'empty-text-error.png'), fullPage: true });
  });

  test('uploads a PDF and classifies its text', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(PDF)], { type: 'application/pdf' }), 'launch-report.pdf');
    const api = await (await fetch(`${base}/upload`, { method: 'POST', body: form })).json();

    await page.setInputFiles('#file', PDF);

    await page.locator('#source', { hasText: 'launch-report.pdf' }).waitFor();
    assert.equal(await page.isHidden('#error'), true);
    assert.equal(await page.textContent('#source'), `launch-report.pdf (${api.extracted_chars} characters read)`);
    assert.equal(await page.textContent('#category'), api.category_name);
    assert.equal(await page.locator('#scores li').count(), 7);
    await page.screenshot({ path: join(SHOTS, 'upload-pdf.png'), fullPage: true });
  });

  test('uploads a PDF of more than a megabyte', async () => {
    const big = largePdf(1_500_000);
    assert.ok(big.length > 1_400_000, `${big.length} bytes`);
    const form = new FormData();
    form.append('file', new Blob([big], { type: 'application/pdf' }), 'mission-scan.pdf');
    const api = await (await fetch(`${base}/upload`, { method: 'POST', body: form })).json();
    assert.equal(api.status, 'success', JSON.stringify(api));

    await page.setInputFiles('#file', { name: 'mission-scan.pdf', mimeType: 'application/pdf', buffer: big });

    await page.locator('#source', { hasText: 'mission-scan.pdf' }).waitFor();
    assert.equal(await page.isHidden('#error'), true);
    assert.equal(await page.textContent('#source'), `mission-scan.pdf (${api.extracted_chars} characters read)`);
    assert.equal(await page.textContent('#category'), api.category_name);
    await page.setInputFiles('#file', PDF);
    await page.locator('#source', { hasText: 'launch-report.pdf' }).waitFor();
  });

  test('sending a correction records it and says a retrain was requested', async () => {
    const predicted = await page.textContent('#category');
    const other = (await page.locator('#true-label option').allTextContents()).find((l) => l !== predicted);
    await page.selectOption('#true-label', other);
    assert.equal(await page.textContent('#send-feedback'), 'Send correction');

    await page.focus('#send-feedback');
    await page.keyboard.press('Enter');

    await page.locator('#feedback-status', { hasText: 'recorded' }).waitFor();
    const status = await page.textContent('#feedback-status');
    assert.match(status, new RegExp(`^Correction recorded: ${predicted} → ${other} \\(feedback [\\w-]+\\)\\. `
      + 'A retrain was requested'));
    const records = feedbackRecords(store);
    assert.equal(records.size, 2);
    const record = records.get(feedbackIdShown(status));
    assert.equal(record.predicted_label, predicted);
    assert.equal(record.true_label, other);
    assert.match(record.text, /^NASA launched the space probe/, 'the PDF\'s text is what was corrected');
    assert.ok(readdirSync(join(store, 'retrain-requests')).some((f) => f.endsWith('.json')), 'a retrain request in the store');
    await page.screenshot({ path: join(SHOTS, 'correction.png'), fullPage: true });
  });

  test('shows the API\'s message for an unsupported file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
    const api = await fetch(`${base}/upload`, { method: 'POST', body: form });
    const { message } = await api.json();
    assert.equal(api.status, 415);

    await page.setInputFiles('#file', { name: 'photo.png', mimeType: 'image/png', buffer: png });

    await page.locator('#error').waitFor();
    assert.equal(await page.textContent('#error'), `${message} (HTTP 415)`);
  });

  test('refuses a file over the upload limit with the API\'s message', async () => {
    const { upload_max_bytes: limit } = await (await fetch(`${base}/config.json`)).json();

    await page.setInputFiles('#file', { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(limit + 1, 'a') });

    await page.locator('#error', { hasText: 'upload limit' }).waitFor();
    assert.equal(await page.textContent('#error'),
      `the document is larger than the upload limit of ${limit} bytes: send a smaller file (HTTP 413)`);
  });

  test('is readable on a phone: nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.fill('#text', 'NASA launched a probe to Jupiter');
    await page.click('#classify');
    await page.locator('#result-version').waitFor();

    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width} px wide on a 390 px screen`);
    await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('loaded nothing but its own server and the feedback function, without errors', () => {
    const origins = new Set(requested.map((url) => new URL(url).origin));
    assert.deepEqual([...origins].filter((o) => o !== base && o !== feedbackBase), []);
    // The 4xx answers the tests provoked are logged by Chromium as failed loads; nothing else may be.
    assert.deepEqual(consoleErrors.filter((e) => !/status of 4\d\d/.test(e)), []);
  });
});
