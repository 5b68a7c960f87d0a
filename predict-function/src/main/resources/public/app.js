// The Pigeonhole web page: classify a text or a document (or, for a tabular model, a row of features from a form
// built from GET /model), show the scores, send a correction, and show the served model's evaluation. Plain browser JavaScript, no dependencies.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const EXPLAIN = 5; // features named under the bars: what pushed the winning category most

  const state = {
    settings: { feedback_url: null, upload_max_bytes: null, api_key: null },
    labels: [],
    last: null, // { prediction, text } of the result on screen, or { prediction, features } for a tabular model
    features: null, // a tabular model's features (name, min, max, ...), in order; null for a text model
  };

  /** Beyond this many features the page asks for a pasted CSV row instead of one field each. */
  const MAX_FIELDS = 12;

  /** Request headers plus the API key, when the local demo setting handed the page one (see README, access control). */
  function withKey(headers) {
    return state.settings.api_key ? { ...headers, 'X-API-Key': state.settings.api_key } : headers;
  }

  /** An answer that is not a success, with the message to show. */
  class ApiError extends Error {}

  /** fetch + JSON, turning every failure into an ApiError whose message says what happened. */
  async function callJson(url, options, what) {
    let response;
    try {
      response = await fetch(url, options);
    } catch (e) {
      throw new ApiError(`Could not reach ${what} at ${url}. Is it running? (${e.message})`);
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.message === 'string'
        ? body.message
        : `${what} answered HTTP ${response.status} without an explanation.`;
      throw new ApiError(`${message} (HTTP ${response.status})`);
    }
    if (body === null) {
      throw new ApiError(`${what} answered HTTP ${response.status} with a body that is not JSON.`);
    }
    return body;
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = false;
  }

  function clearError() {
    $('error').textContent = '';
    $('error').hidden = true;
  }

  function setBusy(message) {
    $('busy').textContent = message;
    for (const control of [$('classify'), $('file'), $('classify-row')]) {
      control.disabled = message !== '';
    }
  }

  function percent(value) {
    const p = value * 100;
    return p > 0 && p < 0.1 ? '<0.1%' : `${p.toFixed(1)}%`;
  }

  // --- classify ------------------------------------------------------------------------------

  async function classify(run, busyMessage) {
    clearError();
    setBusy(busyMessage);
    const started = performance.now();
    try {
      const { prediction, text, features, source } = await run();
      showResult(prediction, features || text, source, performance.now() - started);
    } catch (e) {
      showError(e instanceof ApiError ? e.message : `Unexpected error: ${e.message}`);
    } finally {
      setBusy('');
    }
  }

  function classifyText(event) {
    event.preventDefault();
    const text = $('text').value;
    classify(async () => {
      const prediction = await callJson(`/predict?explain=${EXPLAIN}`, {
        method: 'POST',
        headers: withKey({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ text }),
      }, 'the predict function');
      return { prediction, text, source: 'typed text' };
    }, 'Classifying…');
  }

  function classifyFile(file) {
    if (!file) {
      return;
    }
    const limit = state.settings.upload_max_bytes;
    if (limit && file.size > limit) {
      // The same answer the API gives, without sending megabytes it would refuse.
      clearError();
      showError(`the document is larger than the upload limit of ${limit} bytes: send a smaller file (HTTP 413)`);
      return;
    }
    classify(async () => {
      const form = new FormData();
      form.append('file', file, file.name);
      const prediction = await callJson(`/upload?include_text=true&explain=${EXPLAIN}`, { method: 'POST', headers: withKey({}), body: form },
        'the predict function');
      const chars = prediction.extracted_chars.toLocaleString('en');
      return { prediction, text: prediction.text, source: `${prediction.filename} (${chars} characters read)` };
    }, `Reading and classifying ${file.name}…`);
  }

  // --- a tabular model: a form built from GET /model -------------------------------------------

  function showFeatureForm(features) {
    state.features = features;
    $('text-form').hidden = true;
    $('drop-zone').hidden = true;
    $('features-form').hidden = false;
    $('try-title').textContent = 'Classify a row';
    if (features.length > MAX_FIELDS) {
      $('feature-fields').hidden = true;
      $('feature-paste').hidden = false;
      $('feature-count').textContent = String(features.length);
      $('feature-order').textContent = features.map((f) => f.name).join(', ');
      return;
    }
    $('feature-fields').replaceChildren(...features.map((feature, i) => {
      const label = document.createElement('label');
      label.htmlFor = `feature-${i}`;
      label.textContent = feature.name;
      const input = document.createElement('input');
      input.id = `feature-${i}`;
      input.name = feature.name;
      input.type = 'text';
      input.inputMode = 'decimal';
      input.placeholder = `${feature.min} to ${feature.max}`;
      input.title = `training range ${feature.min} to ${feature.max}, mean ${feature.mean.toFixed(2)}`;
      label.append(input);
      return label;
    }));
  }

  /** The row the form holds, by feature name; a value that is not a number is sent as typed, for the API to name. */
  function featureRow() {
    const names = state.features.map((f) => f.name);
    const typed = names.length > MAX_FIELDS
      ? $('feature-row').value.split(',').map((v) => v.trim())
      : names.map((_, i) => $(`feature-${i}`).value.trim());
    const row = {};
    names.forEach((name, i) => {
      const value = typed[i];
      if (value !== undefined && value !== '') {
        row[name] = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
      }
    });
    if (typed.length > names.length) {
      row[`(value ${names.length + 1})`] = typed[names.length];
    }
    return row;
  }

  function classifyRow(event) {
    event.preventDefault();
    const features = featureRow();
    classify(async () => {
      const prediction = await callJson('/predict', {
        method: 'POST',
        headers: withKey({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ features }),
      }, 'the predict function');
      return { prediction, features, source: 'the form' };
    }, 'Classifying…');
  }

  function showResult(prediction, text, source, millis) {
    state.last = state.features ? { prediction, features: text } : { prediction, text };
    const outside = prediction.out_of_range || [];
    $('out-of-range').hidden = outside.length === 0;
    $('out-of-range').textContent = outside.length === 0 ? ''
      : `Outside the training range: ${outside.join(', ')}. The row is classified all the same; treat the answer with care.`;
    $('category').textContent = prediction.category_name;
    const top = prediction.confidence_scores[0];
    $('confidence').textContent = `(${percent(top.value)} confidence)`;

    const list = $('scores');
    list.replaceChildren(...prediction.confidence_scores.map((score) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = score.name;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.setAttribute('aria-hidden', 'true');
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.style.width = `${Math.max(0, Math.min(1, score.value)) * 100}%`;
      bar.append(fill);
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = percent(score.value);
      item.append(name, bar, value);
      if (score.name === prediction.category_name) {
        item.classList.add('best');
      }
      return item;
    }));

    // Words, word pairs and parts of words ("graph…") the model read in the text, strongest first.
    $('why-category').textContent = prediction.category_name;
    $('why-title').hidden = !(prediction.explanation || []).length;
    $('why').replaceChildren(...(prediction.explanation || []).map((feature) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'feature';
      name.textContent = feature.feature;
      const value = document.createElement('span');
      value.className = 'contribution';
      value.textContent = `+${feature.contribution.toFixed(3)}`;
      item.append(name, ' ', value);
      return item;
    }));

    $('result-version').textContent = prediction.model_version;
    $('elapsed').textContent = `${Math.round(millis)} ms`;
    $('source').textContent = source;

    fillLabelPicker(prediction);
    $('feedback-status').textContent = '';
    $('send-feedback').disabled = false;
    $('true-label').disabled = false;

    $('result').hidden = false;
    $('result-title').focus();
  }

  // --- feedback ------------------------------------------------------------------------------

  function fillLabelPicker(prediction) {
    const names = state.labels.length ? state.labels : prediction.confidence_scores.map((s) => s.name);
    const picker = $('true-label');
    picker.replaceChildren(...names.map((name) => new Option(name, name, false, name === prediction.category_name)));
    updateFeedbackButton();
  }

  function updateFeedbackButton() {
    if (!state.last) {
      return;
    }
    const same = $('true-label').value === state.last.prediction.category_name;
    $('send-feedback').textContent = same ? `Confirm ${state.last.prediction.category_name}` : 'Send correction';
  }

  async function sendFeedback(event) {
    event.preventDefault();
    if (!state.last) {
      return;
    }
    const { prediction, text, features } = state.last;
    const trueLabel = $('true-label').value;
    const url = state.settings.feedback_url;
    const status = $('feedback-status');
    status.textContent = 'Sending…';
    $('send-feedback').disabled = true;
    try {
      const answer = await callJson(url, {
        method: 'POST',
        headers: withKey({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({
          ...(features ? { features } : { text }),
          predicted_label: prediction.category_name,
          true_label: trueLabel,
          prediction_id: prediction.prediction_id,
          model_version: prediction.model_version,
        }),
      }, 'the feedback function');
      const what = answer.bad_prediction
        ? `Correction recorded: ${prediction.category_name} → ${trueLabel}`
        : `Confirmation recorded: ${trueLabel}`;
      const retrain = answer.retrain_requested
        ? 'A retrain was requested: the retrain job will train a new model version with the feedback.'
        : 'No retrain requested yet.';
      status.textContent = `${what} (feedback ${answer.feedback_id}). ${retrain}`;
      $('true-label').disabled = true;
    } catch (e) {
      status.textContent = '';
      $('send-feedback').disabled = false;
      showError(e instanceof ApiError ? e.message : `Unexpected error: ${e.message}`);
    }
  }

  // --- model panel ---------------------------------------------------------------------------

  const METRICS = [
    ['accuracy', 'Accuracy', percent],
    ['macro_f1', 'Macro F1', percent],
    ['macro_precision', 'Macro precision', percent],
    ['macro_recall', 'Macro recall', percent],
    ['balanced_accuracy', 'Balanced accuracy', percent],
    ['weighted_f1', 'Weighted F1', percent],
    ['log_loss', 'Log loss (calibrated)', (v) => v.toFixed(4)],
    ['held_out_examples', 'Held-out examples', (v) => v.toLocaleString('en')],
    ['training_examples', 'Training examples', (v) => v.toLocaleString('en')],
  ];

  function row(cells, headerFirst) {
    const tr = document.createElement('tr');
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 && headerFirst ? 'th' : 'td');
      if (i === 0 && headerFirst) {
        cell.scope = 'row';
      }
      cell.textContent = text;
      tr.append(cell);
    });
    return tr;
  }

  async function loadModel() {
    let manifest;
    try {
      manifest = await callJson('/model', {}, 'the predict function');
    } catch (e) {
      $('model-status').textContent = e.message;
      return;
    }
    state.labels = manifest.labels || [];
    if (Array.isArray(manifest.features) && manifest.features.length > 0) {
      showFeatureForm(manifest.features);
    }
    $('model-version').textContent = manifest.version;
    $('model-created').textContent = `${manifest.created_at.slice(0, 16).replace('T', ' ')} UTC`;
    $('model-created').title = manifest.created_at;
    $('model-algorithm').textContent = manifest.algorithm;
    $('model-labels').textContent = state.labels.join(', ');

    const metrics = manifest.metrics || {};
    $('metrics').tBodies[0].replaceChildren(...METRICS
      .filter(([key]) => typeof metrics[key] === 'number')
      .map(([key, name, format]) => row([name, format(metrics[key])], true)));

    const files = (manifest.files || []).map((f) => f.name);
    if (files.includes('confusion-matrix.svg')) {
      $('matrix').src = '/model/report/confusion-matrix.svg';
      $('matrix').alt = `Confusion matrix of model version ${manifest.version} on held-out examples`;
      $('matrix-figure').hidden = false;
    } else {
      $('matrix-missing').hidden = false;
    }
    if (files.includes('metrics.json')) {
      loadPerClass();
    }
    $('model-status').textContent = '';
    $('model-status').hidden = true;
    $('model-details').hidden = false;
    if (state.last) {
      fillLabelPicker(state.last.prediction);
    }
  }

  async function loadPerClass() {
    try {
      const report = await callJson('/model/report/metrics.json', {}, 'the predict function');
      const rows = (report.per_class || []).map((c) =>
        row([c.label, percent(c.precision), percent(c.recall), percent(c.f1), String(c.support)], true));
      if (rows.length) {
        $('per-class').tBodies[0].replaceChildren(...rows);
        $('per-class').hidden = false;
      }
    } catch (e) {
      // The summary metrics are already shown; the per-category table is a detail.
    }
  }

  // --- wiring --------------------------------------------------------------------------------

  async function loadSettings() {
    try {
      state.settings = await callJson('/config.json', {}, 'the predict function');
    } catch (e) {
      state.settings = { feedback_url: `${location.protocol}//${location.hostname}:8081/feedback` };
    }
  }

  function wireDropZone() {
    const zone = $('drop-zone');
    const target = document.body;
    target.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    target.addEventListener('dragleave', (event) => {
      if (event.relatedTarget === null) {
        zone.classList.remove('dragging');
      }
    });
    target.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      classifyFile(event.dataTransfer.files[0]);
    });
    $('file').addEventListener('change', () => {
      classifyFile($('file').files[0]);
      $('file').value = '';
    });
  }

  $('text-form').addEventListener('submit', classifyText);
  $('features-form').addEventListener('submit', classifyRow);
  $('feedback-form').addEventListener('submit', sendFeedback);
  $('true-label').addEventListener('change', updateFeedbackButton);
  $('text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      $('text-form').requestSubmit();
    }
  });
  $('result-title').tabIndex = -1;
  wireDropZone();
  loadSettings();
  loadModel();
})();
