// izhsim explorer. The server simulates (the core engine); this page only draws what it gets
// back. Nothing typed here is evaluated as code in the page: the current expression travels
// as a string and the server parses it into a tree.
'use strict';

// uncaught errors are collected so that the end-to-end test can fail on them
window.__errors = [];
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));

const $ = (id) => document.getElementById(id);
const fmt = (x, digits = 3) => (Number.isInteger(x) ? String(x) : Number(x).toPrecision(digits).replace(/\.?0+$/, ''));

// ---------------------------------------------------------------------------------------------
// tabs (arrow keys move between them, as the ARIA tabs pattern does)

const tabs = ['neuron', 'fi', 'network'];
function selectTab(name) {
  for (const t of tabs) {
    const on = t === name;
    $('tab-' + t).setAttribute('aria-selected', on);
    $('tab-' + t).tabIndex = on ? 0 : -1;
    $('panel-' + t).hidden = !on;
  }
  document.querySelector('main').classList.toggle('wide', name === 'network');
  resizePlots();
}
for (const t of tabs) {
  $('tab-' + t).addEventListener('click', () => selectTab(t));
  $('tab-' + t).addEventListener('keydown', (e) => {
    const i = tabs.indexOf(t);
    const j = e.key === 'ArrowRight' ? (i + 1) % 3 : e.key === 'ArrowLeft' ? (i + 2) % 3 : -1;
    if (j >= 0) { selectTab(tabs[j]); $('tab-' + tabs[j]).focus(); }
  });
}

// ---------------------------------------------------------------------------------------------
// small helpers

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await res.text();
  let data;
  try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

async function download(path, body, fallbackName) {
  const res = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) {
    let msg = res.statusText;
    try { msg = (await res.json()).error; } catch (e) { /* not JSON */ }
    throw new Error(msg);
  }
  const cd = res.headers.get('Content-Disposition') || '';
  const m = /filename="([^"]+)"/.exec(cd);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = m ? m[1] : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function showError(el, message) {
  el.textContent = message || '';
  el.hidden = !message;
}

/** A uPlot time-series chart sized to its container. */
function chart(el, title, yLabel, series, height, xLabel = 't (ms)', xRange = null) {
  const opts = {
    title, width: Math.max(300, el.clientWidth), height,
    scales: { x: xRange ? { time: false, range: xRange } : { time: false } },
    legend: { show: series.length > 1 },
    cursor: { drag: { x: true, y: false } },
    axes: [{ label: xLabel, size: 40, labelSize: 18 }, { label: yLabel, size: 56, labelSize: 18 }],
    series: [{ label: xLabel }].concat(series.map((s) => Object.assign({ width: 1, points: { show: false } }, s))),
  };
  const empty = [[]].concat(series.map(() => []));
  const u = new uPlot(opts, empty, el);
  u._el = el;
  u._h = height;
  return u;
}

/** A canvas with x/y axes, ticks and labels; returns the mapping from data to pixels. */
function axes(canvas, x0, x1, y0, y1, xLabel, yLabel, title) {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const g = canvas.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  const L = 62, R = 22, T = title ? 26 : 10, B = 42;
  const px = (x) => L + (x - x0) / (x1 - x0) * (w - L - R);
  const py = (y) => h - B - (y - y0) / (y1 - y0) * (h - T - B);
  g.strokeStyle = '#888';
  g.lineWidth = 1;
  g.strokeRect(L, T, w - L - R, h - T - B);
  g.fillStyle = '#333';
  g.font = '12px system-ui, sans-serif';
  g.textAlign = 'center';
  for (const x of ticks(x0, x1, Math.max(3, Math.floor((w - L - R) / 80)))) {
    g.beginPath(); g.moveTo(px(x), h - B); g.lineTo(px(x), h - B + 4); g.stroke();
    g.fillText(fmt(x, 4), px(x), h - B + 16);
  }
  g.fillText(xLabel, L + (w - L - R) / 2, h - 6);
  g.textAlign = 'right';
  for (const y of ticks(y0, y1, Math.max(3, Math.floor((h - T - B) / 40)))) {
    g.beginPath(); g.moveTo(L - 4, py(y)); g.lineTo(L, py(y)); g.stroke();
    g.fillText(fmt(y, 4), L - 6, py(y) + 4);
  }
  g.save();
  g.translate(14, T + (h - T - B) / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = 'center';
  g.fillText(yLabel, 0, 0);
  g.restore();
  if (title) {
    g.textAlign = 'center';
    g.font = '600 13px system-ui, sans-serif';
    g.fillText(title, L + (w - L - R) / 2, 16);
  }
  g.save();
  g.beginPath();
  g.rect(L, T, w - L - R, h - T - B);
  g.clip();
  // and back from pixels to data, for clicks and drags on the canvas
  const ix = (X) => x0 + (X - L) / (w - L - R) * (x1 - x0);
  const iy = (Y) => y0 + (h - B - Y) / (h - T - B) * (y1 - y0);
  return { g, px, py, ix, iy, box: { L, R, T, B, w, h }, done: () => g.restore() };
}

function ticks(a, b, n) {
  const span = b - a;
  if (!(span > 0)) return [a];
  const raw = span / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const out = [];
  for (let x = Math.ceil(a / step) * step; x <= b + 1e-9 * span; x += step) out.push(Math.abs(x) < 1e-12 * span ? 0 : x);
  return out;
}

// ---------------------------------------------------------------------------------------------
// neuron tab

// the sliders of the model shown, then dt and duration: the server's table (2003: the ranges of
// the Brian2 notebook; 2007: around the book's cells); a preset outside a range widens its slider
let SLIDERS = [];
let model = null; // the catalogue's entry of the model shown (izh2003 or izh2007)
let catalogue = null;
let neuronData = null;
let plots = {};

function sliderRow(container, s, onChange) {
  const row = document.createElement('div');
  row.className = 'slider';
  const id = 's-' + s.f;
  row.innerHTML = `<label for="${id}">${s.label} <span class="unit">${s.unit ? '[' + s.unit + ']' : ''}</span></label>`
    + `<input type="range" id="${id}"><input type="number" id="n-${s.f}" step="any" aria-label="${s.label} value">`;
  container.appendChild(row);
  const range = row.querySelector('input[type=range]'), num = row.querySelector('input[type=number]');
  range.min = s.min; range.max = s.max; range.step = s.step;
  range.addEventListener('input', () => { num.value = range.value; onChange(); });
  num.addEventListener('change', () => { setSlider(s.f, Number(num.value)); onChange(); });
  return row;
}

function setSlider(f, value) {
  const s = SLIDERS.concat(netSliders).find((x) => x.f === f);
  const range = $('s-' + f), num = $('n-' + f);
  range.min = Math.min(s.min, value);
  range.max = Math.max(s.max, value);
  range.value = value;
  num.value = value;
}

/** " (pA)" after a label of u or I in the 2007 model; nothing for the 2003 model's dimensionless ones. */
const unitSuffix = () => (model && model.current_unit ? ` (${model.current_unit})` : '');

function presetOf(key) {
  const [m, id] = key.split('/');
  return catalogue.models[m].presets.find((x) => x.id === id);
}

function neuronSettings() {
  const p = presetOf($('preset').value);
  const body = { model: p.model, preset: p.id, scheme: $('scheme').value, current: $('current').value };
  for (const s of SLIDERS) body[s.f] = Number($('n-' + s.f).value);
  return body;
}

function applyPreset(key) {
  const p = presetOf(key);
  if (!model || model.id !== p.model) showModel(catalogue.models[p.model]);
  for (const s of SLIDERS) setSlider(s.f, p[s.f]);
  $('current').value = p.current;
  $('preset-note').textContent = p.equations + (p.rule ? `. Rule: ${p.rule}` : '');
  $('fi-from').value = p.fi.from;
  $('fi-to').value = p.fi.to;
  $('fi-step').value = p.fi.step;
}

/** Switches the controls and charts to a model: its sliders, schemes, default scheme and units. */
function showModel(m) {
  model = m;
  SLIDERS = m.params.concat(catalogue.common);
  const box = $('sliders');
  box.innerHTML = '';
  for (const s of SLIDERS) sliderRow(box, s, requestNeuron);
  const scheme = $('scheme');
  scheme.innerHTML = '';
  for (const s of catalogue.schemes.filter((x) => m.schemes.includes(x.id))) {
    const o = document.createElement('option');
    o.value = s.id;
    o.textContent = s.id;
    o.title = s.description;
    scheme.appendChild(o);
  }
  scheme.value = m.default_scheme;
  const unit = m.current_unit ? ` [${m.current_unit}]` : '';
  $('current-label').textContent = `Input current I(t)${unit}, t in ms`;
  $('current-example').textContent = m.current_unit ? 'int(t>100*ms)*70' : 'int(t>100*ms)*10';
  $('current-units-example').textContent = m.current_unit ? 'int(t>100*ms)*0.07*nA' : 'int(t>100*ms)*10*mV/ms';
  neuronCharts();
}

/** The u, I and F–I charts, labelled in the model's units (uPlot fixes labels when it builds a chart). */
function neuronCharts() {
  for (const k of ['i', 'u', 'fi']) if (plots[k]) plots[k].destroy();
  const un = unitSuffix();
  plots.i = chart($('plot-i'), 'input current', 'I' + un, [{ label: 'I', stroke: '#777' }], 150);
  plots.u = chart($('plot-u'), 'recovery variable', 'u' + un, [{ label: 'u', stroke: '#2e8b57' }], 330);
  plots.fi = chart($('plot-fi'), 'F–I curve', 'rate (Hz)', [{ label: 'rate', stroke: '#1f5fbf', points: { show: true, size: 5 } }], 420, 'input current I' + un);
}

// one request in flight; a slider moved meanwhile sends the newest settings when it returns
let inFlight = false, dirty = false;
function requestNeuron() {
  if (inFlight) { dirty = true; return; }
  inFlight = true;
  dirty = false;
  const t0 = performance.now();
  api('/api/neuron', neuronSettings()).then((d) => {
    showError($('current-error'), '');
    d.rtt_ms = performance.now() - t0;
    neuronData = d;
    renderNeuron();
  }).catch((e) => {
    showError($('current-error'), e.message);
  }).finally(() => {
    inFlight = false;
    if (dirty) requestNeuron();
  });
}

function renderNeuron() {
  const d = neuronData;
  plots.v.setData([d.t, d.v]);
  plots.i.setData([d.t, d.i]);
  plots.u.setData([d.t, d.u]);
  const last = d.t.length - 1;
  const slider = $('phase-t');
  slider.max = last;
  // the nullclines start at the last sample of the prevailing current (as the CLI's figure draws them)
  let k = last;
  while (k > 0 && d.i[k] !== d.plane.current) k--;
  slider.value = k;
  renderPhase();
  const stats = $('neuron-stats');
  stats.textContent = `${d.spike_count} spikes · ${fmt(d.rate_hz, 4)} Hz · ${d.samples} samples (${d.points} drawn) · `
    + `simulated in ${d.compute_ms.toFixed(1)} ms · round trip ${d.rtt_ms.toFixed(0)} ms`;
  stats.dataset.renders = String(Number(stats.dataset.renders) + 1);
  stats.dataset.spikes = d.spike_count;
  stats.dataset.model = d.model.id;
  stats.dataset.label = d.label;
  stats.dataset.rttMs = d.rtt_ms.toFixed(1);
  stats.dataset.vSum = d.v.reduce((a, b) => a + b, 0).toFixed(6);
}

function renderPhase() {
  const d = neuronData;
  if (!d) return;
  const k = Number($('phase-t').value);
  const I = d.i[k], m = d.model, p = d.plane;
  const unit = d.current_unit ? ' ' + d.current_unit : '';
  $('phase-t-out').textContent = `${fmt(d.t[k], 5)} ms (I = ${fmt(I, 4)}${unit})`;
  let uMin = Math.min(...d.u_plane), uMax = Math.max(...d.u_plane);
  const pad = Math.max(1, 0.1 * (uMax - uMin));
  uMin -= pad; uMax += pad;
  // the server's nullclines reach past the cut-off (40 mV; a 2007 cell's vpeak + 10)
  const vMin = Math.min(-90, ...d.v), vMax = Math.max(40, p.v_null_v[p.v_null_v.length - 1]);
  const ax = axes($('phase'), vMin, vMax, uMin, uMax, 'membrane potential v (mV)',
    'recovery u' + (d.current_unit ? ` (${d.current_unit})` : ''), 'v–u phase plane, nullclines at I = ' + fmt(I, 4) + unit);
  const g = ax.g;
  // v-nullcline u = k2 v² + k1 v + k0 + I (where dv/dt = 0)
  g.strokeStyle = '#1f5fbf'; g.lineWidth = 1.5; g.beginPath();
  for (let v = vMin; v <= vMax; v += 0.5) {
    const u = m.k2 * v * v + m.k1 * v + m.k0 + I;
    v === vMin ? g.moveTo(ax.px(v), ax.py(u)) : g.lineTo(ax.px(v), ax.py(u));
  }
  g.stroke();
  // u-nullcline (where du/dt = 0): a line's two end points, or a sampled curve (2007 FS, TC, RTN)
  g.strokeStyle = '#2e8b57'; g.setLineDash([6, 4]); g.beginPath();
  g.moveTo(ax.px(p.u_null_v[0]), ax.py(p.u_null_u[0]));
  for (let j = 1; j < p.u_null_v.length; j++) g.lineTo(ax.px(p.u_null_v[j]), ax.py(p.u_null_u[j]));
  g.stroke(); g.setLineDash([]);
  $('u-null-label').textContent = p.u_null_label;
  // trajectory up to the chosen time; resets (a drop of v by more than 20 mV) are not drawn as flow
  g.strokeStyle = '#111'; g.lineWidth = 1; g.beginPath();
  for (let j = 0; j <= k; j++) {
    const x = ax.px(d.v[j]), y = ax.py(d.u_plane[j]);
    if (j === 0 || d.v[j - 1] - d.v[j] > 20) g.moveTo(x, y); else g.lineTo(x, y);
  }
  g.stroke();
  g.fillStyle = '#c0392b';
  g.beginPath(); g.arc(ax.px(d.v[k]), ax.py(d.u_plane[k]), 4, 0, 2 * Math.PI); g.fill();
  ax.done();
}

// ---------------------------------------------------------------------------------------------
// F–I tab

function requestFi() {
  const body = Object.assign(neuronSettings(), fiRange());
  $('fi-stats').textContent = 'computing…';
  api('/api/fi', body).then((d) => {
    plots.fi.setData([d.currents, d.rates_hz]);
    const maxRate = Math.max(...d.rates_hz);
    $('fi-stats').textContent = `${d.currents.length} currents, ${fmt(d.duration)} ms each · max ${fmt(maxRate, 4)} Hz · ${d.compute_ms.toFixed(0)} ms`;
  }).catch((e) => { $('fi-stats').textContent = e.message; });
}

function fiRange() {
  return { from: Number($('fi-from').value), to: Number($('fi-to').value), step: Number($('fi-step').value) };
}

function wireDownloads() {
  for (const b of document.querySelectorAll('[data-dl]')) {
    b.addEventListener('click', (ev) => {
      ev.preventDefault();
      const [view, format] = b.dataset.dl.split(':');
      const body = neuronSettings();
      if (view === 'fi') Object.assign(body, fiRange());
      if (view === 'phase' && neuronData) body.phase_t = neuronData.t[Number($('phase-t').value)];
      download(`/api/neuron/download?view=${view}&format=${format}`, body, `${view}.${format}`)
        .catch((e) => showError($('current-error'), e.message));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// start-up

function resizePlots() {
  for (const u of Object.values(plots)) {
    if (u._el && u._el.clientWidth > 0) u.setSize({ width: u._el.clientWidth, height: u._h });
  }
  if (neuronData && !$('panel-neuron').hidden) renderPhase();
  if (!$('panel-network').hidden) {
    if (!net.id) {
      net.duration = Number($('net-duration').value);
      net.n = Number($('net-ne').value) + Number($('net-ni').value);
      rasterReset();
    } else {
      drawRaster();
    }
    if (shownView() === 'weights') drawWeights();
  }
}

async function init() {
  catalogue = await api('/api/catalogue');
  $('version').textContent = catalogue.version;
  const sel = $('preset');
  // the menu: every model's presets from the core registries, grouped by family; an option's
  // value is model/id, since the 2003 classes and the 2007 cells share names (RS, FS, …)
  const groups = {};
  for (const m of Object.values(catalogue.models)) {
    for (const p of m.presets) {
      if (!groups[p.family]) {
        groups[p.family] = document.createElement('optgroup');
        groups[p.family].label = p.family;
        sel.appendChild(groups[p.family]);
      }
      const o = document.createElement('option');
      o.value = p.model + '/' + p.id;
      o.textContent = p.title;
      groups[p.family].appendChild(o);
    }
  }
  sel.addEventListener('change', () => { applyPreset(sel.value); requestNeuron(); });
  $('scheme').addEventListener('change', requestNeuron);
  let typing = null;
  $('current').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(requestNeuron, 250); });
  $('phase-t').addEventListener('input', renderPhase);
  $('fi-run').addEventListener('click', requestFi);
  wireDownloads();
  wireNetwork();

  plots.v = chart($('plot-v'), 'membrane potential', 'v (mV)', [{ label: 'v', stroke: '#111' }], 260);
  // the network's time axes span the whole run, as the raster's does, so the traces grow into them
  const runRange = () => [0, net.duration];
  plots.rate = chart($('plot-rate'), 'population rate (1 ms bins)', 'rate (Hz)', [{ label: 'rate', stroke: '#333' }], 170, 't (ms)', runRange);
  plots.netv = chart($('plot-netv'), 'membrane potential of excitatory neuron 0', 'v (mV)', [{ label: 'v', stroke: '#111' }], 170, 't (ms)', runRange);
  window.addEventListener('resize', resizePlots);

  sel.value = 'izh2003/RS';
  applyPreset(sel.value);
  requestNeuron();
}

// after every script of the page has run: init calls into the later ones (wireNetwork), and the
// catalogue may answer while the parser still waits for one of them
document.addEventListener('DOMContentLoaded', () => init().catch((e) => { document.body.insertAdjacentHTML('afterbegin', '<pre class="error"></pre>'); document.querySelector('pre.error').textContent = 'could not start: ' + e.message; }));
