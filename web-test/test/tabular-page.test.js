// The web page of a tabular model in a real browser: Debian's Chromium, driven by playwright-core, against
// ./pigeonhole serve with a model trained on the Iris measurements (data/iris/iris.csv) in a temporary store.
// The page builds its form from GET /model, classifies a flower, shows the bars and sends a correction with the
// flower's features. Screenshots go to web-test/target/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST, jarOf, openPage, ROOT, serveLocally, SHOTS, stopServe } from '../local-serve.js';

describe('the web page of a tabular model', () => {
  let work;
  let store;
  let serve;
  let base;
  let browser;
  let page;
  let requested;
  let consoleErrors;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'pigeonhole-web-test-tabular-'));
    store = join(work, 'store');
    const trained = spawnSync('java', ['-jar', jarOf('retrain-job'), 'train', '--data', join(ROOT, 'data', 'iris', 'iris.csv'),
      '--label-field', 'species', '--store', `file:${store}`], { encoding: 'utf8', timeout: 180_000 });
    assert.equal(trained.status, 0, `training the Iris model failed:\n${trained.stdout}\n${trained.stderr}`);

    ({ serve, base } = await serveLocally({
      store,
      env: { PIGEONHOLE_DATA: 'data/iris/iris.csv', PIGEONHOLE_LABEL_FIELD: 'species' },
      logName: 'serve-tabular.log',
    }));
    ({ browser, page, requested, consoleErrors } = await openPage(base));
  });

  after(async () => {
    await browser?.close();
    await stopServe(serve);
    if (work) {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test('shows one field per feature instead of the text box', async () => {
    await page.locator('#features-form').waitFor();
    assert.equal(await page.locator('#text-form').isHidden(), true);
    assert.equal(await page.locator('#drop-zone').isHidden(), true);
    assert.deepEqual(await page.locator('#feature-fields input').evaluateAll((inputs) => inputs.map((i) => i.name)),
      ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    assert.equal(await page.getAttribute('#feature-2', 'placeholder'), '1 to 6.9');
  });

  test('classifies a flower typed into the form, with a bar per species', async () => {
    await page.getByLabel('sepal_length').fill('6.7');
    await page.getByLabel('sepal_width').fill('3.1');
    await page.getByLabel('petal_length').fill('5.6');
    await page.getByLabel('petal_width').fill('2.4');
    await page.getByRole('button', { name: 'Classify row' }).click();

    await page.locator('#result').waitFor();
    assert.equal(await page.textContent('#category'), 'virginica');
    assert.equal(await page.locator('#scores li').count(), 3);
    assert.equal(await page.locator('#out-of-range').isHidden(), true);
    await page.screenshot({ path: join(SHOTS, 'tabular-iris-result.png'), fullPage: true });
  });

  test('a correction sends the features, stored with the record', async () => {
    await page.selectOption('#true-label', 'versicolor');
    await page.getByRole('button', { name: 'Send correction' }).click();
    await page.waitForFunction(() => /Correction recorded/.test(document.getElementById('feedback-status').textContent));
    const status = await page.textContent('#feedback-status');
    const id = /\(feedback ([\w-]+)\)/.exec(status)[1];
    const dir = join(store, 'feedback', 'records');
    const records = readdirSync(dir).map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
    const record = records.find((r) => r.feedback_id === id);
    assert.ok(record, `record ${id} not in the store`);
    assert.deepEqual(record.features, { sepal_length: 6.7, sepal_width: 3.1, petal_length: 5.6, petal_width: 2.4 });
    assert.equal(record.predicted_label, 'virginica');
    assert.equal(record.true_label, 'versicolor');
  });

  test('a value outside the training range is classified and named; a word is refused with the API message', async () => {
    await page.getByLabel('sepal_length').fill('60');
    await page.getByRole('button', { name: 'Classify row' }).click();
    await page.locator('#out-of-range').waitFor();
    assert.match(await page.textContent('#out-of-range'), /Outside the training range: sepal_length/);

    await page.getByLabel('petal_width').fill('wide');
    await page.getByRole('button', { name: 'Classify row' }).click();
    await page.locator('#error').waitFor();
    assert.match(await page.textContent('#error'), /"petal_width" is the string "wide", not a number.*\(HTTP 400\)/);
    await page.screenshot({ path: join(SHOTS, 'tabular-iris-error.png'), fullPage: true });
  });

  test('contacts no other site and logs no error', async () => {
    const foreign = requested.filter((url) => !url.startsWith(`http://${HOST}:`));
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors.filter((e) => !/status of 4\d\d/.test(e)), []);
  });
});
