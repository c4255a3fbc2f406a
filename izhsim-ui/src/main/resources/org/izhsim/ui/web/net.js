// izhsim explorer, network tab: a session's settings (the built-in 2003 network or a model
// file), its controls and the stream of batches. The raster is raster.js; the views under it
// (trace, ISI, spectrum, weights) are netviews.js.
'use strict';

// the built-in network's steering; a model file's come from its own inputs (see modelSliders)
const BUILTIN_SLIDERS = [
  { f: 'sigma_exc', label: 'σ exc', unit: '', min: 0, max: 15, step: 0.5, value: 5, input: 'noise:exc' },
  { f: 'sigma_inh', label: 'σ inh', unit: '', min: 0, max: 10, step: 0.5, value: 2, input: 'noise:inh' },
  { f: 'current_exc', label: 'I exc', unit: '', min: -10, max: 10, step: 0.5, value: 0, input: 'constant:exc' },
  { f: 'current_inh', label: 'I inh', unit: '', min: -10, max: 10, step: 0.5, value: 0, input: 'constant:inh' },
];
let netSliders = BUILTIN_SLIDERS;

const net = { id: null, es: null, state: 'idle', spikes: 0, t: 0, n: 1000, duration: 1000, groups: [],
  rateT: [], rateHz: [], vT: [], v: [], pending: false, dots: [], changes: [], model: null, replayFile: true };

/** The source menu's choice: '' is the built-in network, 'upload' a file chosen here, else a path under the model root. */
const source = () => $('net-source').value;

async function netSettings() {
  const body = { speed: Number($('net-speed').value) };
  if (source() === 'upload') {
    const f = $('net-file').files[0];
    if (!f) throw new Error('choose a YAML or TOML model file to upload');
    return Object.assign(body, { model_name: f.name, model_text: await f.text() });
  }
  if (source()) return Object.assign(body, { model_path: source() });
  Object.assign(body, {
    ne: Number($('net-ne').value), ni: Number($('net-ni').value), dt: Number($('net-dt').value),
    duration: Number($('net-duration').value), seed: Number($('net-seed').value), scheme: $('net-scheme').value,
  });
  if ($('net-conn').value !== 'auto') body.connectivity = $('net-conn').value;
  for (const s of BUILTIN_SLIDERS) body[s.f] = Number($('n-' + s.f).value);
  return body;
}

function setNetState(state) {
  net.state = state;
  const live = state === 'running' || state === 'paused' || state === 'starting';
  $('net-start').disabled = live;
  $('net-pause').disabled = state !== 'running';
  $('net-resume').disabled = state !== 'paused';
  $('net-stop').disabled = !live;
  for (const b of document.querySelectorAll('[data-net]')) {
    b.disabled = !net.id || state === 'running' || state === 'starting' || (b.dataset.net !== 'replay' && net.spikes === 0 && state !== 'paused' && state !== 'done' && state !== 'stopped')
      || (b.dataset.net === 'replay' && !net.replayFile);
  }
  $('net-status').dataset.state = state;
  netStatus();
  if (state === 'done' || state === 'stopped' || state === 'paused') refreshViews();
}

function netStatus() {
  const t = net.t;
  const rate = t > 0 ? net.spikes / net.n / (t / 1000) : 0;
  const el = $('net-status');
  el.textContent = `${net.state} · t = ${fmt(t, 5)} of ${fmt(net.duration)} ms · ${net.spikes.toLocaleString('en')} spikes · mean ${rate.toFixed(2)} Hz per neuron`;
  el.dataset.spikes = net.spikes;
}

/** Steering sliders for a model file's inputs: σ of noise, amplitude of constant currents, rate of Poisson inputs. */
function modelSliders(inputs) {
  return inputs.map((x, k) => {
    const v = x.value === null ? 0 : x.value;
    const max = x.kind === 'poisson' ? Math.max(100, 3 * v) : x.kind === 'noise' ? Math.max(15, 3 * v) : Math.max(10, 2 * Math.abs(v));
    return { f: 'in' + k, label: x.name, unit: '', min: x.kind === 'constant' ? -max : 0, max, step: x.kind === 'poisson' ? 1 : 0.5, value: v, input: x.name };
  });
}

function showSliders(list) {
  netSliders = list;
  const box = $('net-sliders');
  box.innerHTML = '';
  for (const s of list) {
    sliderRow(box, s, () => {});
    setSlider(s.f, s.value);
    // a change is sent when the slider is released (or a value typed), not on every pixel
    $('s-' + s.f).addEventListener('change', () => netChange(s));
    $('n-' + s.f).addEventListener('change', () => netChange(s));
  }
}

async function startNetwork() {
  showError($('net-error'), '');
  if (net.es) { net.es.close(); net.es = null; }
  let created;
  try {
    created = await api('/api/net', await netSettings());
  } catch (e) {
    showError($('net-error'), e.message);
    return;
  }
  Object.assign(net, { id: created.session, spikes: 0, t: 0, n: created.neurons, duration: created.duration, groups: created.groups,
    rateT: [], rateHz: [], vT: [], v: [], dots: [], changes: [], model: created.model || null, replayFile: created.replay_file });
  $('net-title').textContent = created.title;
  if (created.model) showSliders(modelSliders(created.inputs));
  else if (netSliders !== BUILTIN_SLIDERS) showSliders(BUILTIN_SLIDERS);
  $('net-log').innerHTML = '';
  plots.rate.setData([[], []]);
  plots.netv.setData([[], []]);
  const title = plots.netv.root.querySelector('.u-title');
  if (title) title.textContent = `membrane potential of neuron ${created.trace_neuron} (recorded)`;
  resetViews();
  rasterReset();
  setNetState('starting');
  const es = new EventSource(`/api/net/${net.id}/events`);
  net.es = es;
  es.addEventListener('batch', (ev) => onBatch(JSON.parse(ev.data)));
  es.addEventListener('state', (ev) => setNetState(JSON.parse(ev.data).state));
  es.addEventListener('failure', (ev) => showError($('net-error'), JSON.parse(ev.data).message));
  es.addEventListener('end', () => { es.close(); if (net.es === es) net.es = null; });
  es.onerror = () => { if (es.readyState === EventSource.CLOSED && net.es === es) setNetState('disconnected'); };
}

function onBatch(b) {
  net.t = b.t_ms;
  net.spikes += b.spike_t.length;
  for (let k = 0; k < b.spike_t.length; k++) net.dots.push(b.spike_t[k], b.spike_i[k]);
  drawDots(b.spike_t, b.spike_i);
  if (b.rate_t.length && net.rateT.length && net.rateT[net.rateT.length - 1] === b.rate_t[0]) {
    net.rateT.pop(); net.rateHz.pop(); // the partial last bin, now complete
  }
  for (let k = 0; k < b.rate_t.length; k++) { net.rateT.push(b.rate_t[k]); net.rateHz.push(b.rate_hz[k]); }
  for (let k = 0; k < b.v_t.length; k++) { net.vT.push(b.v_t[k]); net.v.push(b.v[k]); }
  for (const c of b.changes) {
    net.changes.push(c);
    const li = document.createElement('li');
    li.textContent = `t = ${fmt(c.t_ms, 6)} ms (step ${c.step}): ${c.change}`;
    $('net-log').appendChild(li);
    li.scrollIntoView({ block: 'nearest' }); // the newest change stays in view
  }
  if (b.changes.length) drawRaster();
  if (b.weights) onWeights(b);
  if (!net.pending) {
    net.pending = true;
    requestAnimationFrame(() => {
      net.pending = false;
      plots.rate.setData([net.rateT, net.rateHz]);
      plots.netv.setData([net.vT, net.v]);
      netStatus();
    });
  }
}

function netCommand(verb) {
  if (!net.id) return;
  api(`/api/net/${net.id}/${verb}`, {}).catch((e) => showError($('net-error'), e.message));
}

// changes go one after another: two in flight at once could commit in the wrong order
let changeChain = Promise.resolve();
function netChange(s) {
  if (!net.id || !(net.state === 'running' || net.state === 'paused')) return; // otherwise it is a start setting
  const body = { input: s.input, value: Number($('n-' + s.f).value) }, id = net.id;
  changeChain = changeChain.then(() => api(`/api/net/${id}/change`, body)).catch((e) => showError($('net-error'), e.message));
}

/** The source menu: the built-in network, the model files under the server's model root, an upload. */
async function listModels() {
  const sel = $('net-source');
  try {
    for (const f of (await api('/api/models')).files) {
      const o = document.createElement('option');
      o.value = f;
      o.textContent = f;
      sel.insertBefore(o, sel.querySelector('option[value=upload]'));
    }
  } catch (e) { /* no list: the built-in network and uploads remain */ }
  sel.addEventListener('change', () => {
    const builtin = !source();
    $('net-file-row').hidden = source() !== 'upload';
    for (const el of document.querySelectorAll('#net-form .builtin')) el.hidden = !builtin;
    $('net-model-note').hidden = builtin;
    if (builtin && netSliders !== BUILTIN_SLIDERS) showSliders(BUILTIN_SLIDERS);
  });
}

function wireNetwork() {
  showSliders(BUILTIN_SLIDERS);
  listModels();
  $('net-start').addEventListener('click', startNetwork);
  $('net-pause').addEventListener('click', () => netCommand('pause'));
  $('net-resume').addEventListener('click', () => netCommand('resume'));
  $('net-stop').addEventListener('click', () => netCommand('stop'));
  for (const b of document.querySelectorAll('[data-net]')) {
    b.addEventListener('click', () => {
      const what = b.dataset.net;
      const path = what === 'replay' ? `/api/net/${net.id}/replay` : `/api/net/${net.id}/download?format=${what}`;
      download(path, undefined, what).catch((e) => showError($('net-error'), e.message));
    });
  }
  wireRaster();
  wireViews();
  // closing the tab stops its simulation (the server also notices the stream closing)
  window.addEventListener('pagehide', () => { if (net.id) navigator.sendBeacon(`/api/net/${net.id}/close`); });
}
