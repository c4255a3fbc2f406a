// izhsim explorer, the views under the raster (PymoNNto's Network UI tabs and more): the
// clicked neuron's v and u, the ISI histogram, the population spectrum and the weights. The
// server computes each from the session; the page draws. The trace is replayed on the server
// (the run again, with a monitor on that neuron), so it covers the whole run up to the click.
'use strict';

const VIEWS = ['trace', 'isi', 'spectrum', 'weights'];
let selected = null; // the clicked neuron (global index), or null
const weightData = { groups: [], samples: [], plastic: false };
let incoming = null;

function resetViews() {
  selected = null;
  incoming = null;
  Object.assign(weightData, { groups: [], samples: [], plastic: false });
  $('trace-note').textContent = 'Click a row of the raster to trace that neuron.';
  $('view-trace').dataset.neuron = '';
  plots.tracev.setData([[], []]);
  plots.traceu.setData([[], []]);
  for (const id of ['isi-stats', 'spectrum-stats', 'weights-note', 'incoming-note']) $(id).textContent = '';
  $('weight-group').innerHTML = '';
  const sel = $('isi-group');
  sel.innerHTML = '<option value="">all neurons</option>';
  for (const g of net.groups) {
    const o = document.createElement('option');
    o.value = g.name;
    o.textContent = g.name;
    sel.appendChild(o);
  }
}

function selectView(name) {
  for (const v of VIEWS) {
    $('vtab-' + v).setAttribute('aria-selected', v === name);
    $('view-' + v).hidden = v !== name;
  }
  resizePlots();
  refreshViews();
}
const shownView = () => VIEWS.find((v) => !$('view-' + v).hidden);

/** Fetches what the shown view needs now (after a click, a pause, the end of the run, or on request). */
function refreshViews() {
  if (!net.id) return;
  const v = shownView();
  if (v === 'isi') requestIsi();
  if (v === 'spectrum') requestSpectrum();
  if (v === 'weights') { drawWeights(); if (selected !== null) requestIncoming(); }
  if (v === 'trace' && selected !== null && net.state !== 'running') requestTrace();
}

function selectNeuron(i) {
  selected = i;
  drawRaster();
  requestTrace();
  if (shownView() === 'weights') requestIncoming();
}

function requestTrace() {
  const i = selected;
  $('trace-note').textContent = `neuron ${i}: replaying…`;
  api(`/api/net/${net.id}/trace?neuron=${i}`).then((d) => {
    if (selected !== i) return;
    plots.tracev.setData([d.t, d.v]);
    plots.traceu.setData([d.t, d.u]);
    $('trace-note').textContent = `neuron ${d.neuron} (${d.group}): v and u replayed from t = 0 to ${fmt(d.t_ms, 6)} ms — the run again `
      + `with this neuron monitored, same seed and changes; ${d.identical ? 'spikes identical to this session' : 'SPIKES DIFFER from this session'}`
      + ` · ${d.spike_t.length} spikes · ${d.samples} samples (${d.t.length} drawn) · replayed in ${d.replay_ms.toFixed(0)} ms`
      + (net.state === 'running' ? ' · click again (or pause) for later times' : '');
    $('view-trace').dataset.neuron = d.neuron;
    $('view-trace').dataset.identical = d.identical;
  }).catch((e) => { $('trace-note').textContent = e.message; });
}

/** Bars of a histogram on a canvas: edges (n + 1) and counts (n). */
function bars(canvas, edges, counts, xLabel, yLabel, title, colour) {
  const max = Math.max(1, ...counts);
  const ax = axes(canvas, edges[0], edges[edges.length - 1], 0, max * 1.05, xLabel, yLabel, title);
  ax.g.fillStyle = colour;
  for (let b = 0; b < counts.length; b++) {
    const x0 = ax.px(edges[b]), x1 = ax.px(edges[b + 1]);
    ax.g.fillRect(x0, ax.py(counts[b]), Math.max(1, x1 - x0 - 1), ax.py(0) - ax.py(counts[b]));
  }
  ax.done();
}

function requestIsi() {
  const q = `bin_ms=${Number($('isi-bin').value)}&bins=${Math.round(Number($('isi-max').value) / Number($('isi-bin').value))}&group=${encodeURIComponent($('isi-group').value)}`;
  api(`/api/net/${net.id}/isi?${q}`).then((d) => {
    bars($('isi'), d.edges_ms, d.counts, 'inter-spike interval (ms)', 'intervals', 'ISI histogram', '#1f5fbf');
    $('isi-stats').textContent = `${d.intervals.toLocaleString('en')} intervals · mean ${fmt(d.mean_ms, 4)} ms · CV ${fmt(d.cv, 3)}`
      + ` · ${d.longer} longer than ${fmt(d.edges_ms[d.edges_ms.length - 1])} ms`;
    $('isi-stats').dataset.intervals = d.intervals;
  }).catch((e) => { $('isi-stats').textContent = e.message; });
}

function requestSpectrum() {
  api(`/api/net/${net.id}/spectrum?max_hz=${Number($('spectrum-max').value)}`).then((d) => {
    plots.spectrum.setData([d.freq_hz, d.power]);
    $('spectrum-stats').textContent = `population spectrum of ${fmt(d.duration_ms, 6)} ms (1 ms bins, Hann window, as the summary's) · `
      + `alpha peak ${fmt(d.alpha_peak_hz, 3)} Hz · gamma peak ${fmt(d.gamma_peak_hz, 3)} Hz`;
    $('spectrum-stats').dataset.gamma = d.gamma_peak_hz;
  }).catch((e) => { $('spectrum-stats').textContent = e.message; });
}

function onWeights(b) {
  if (!weightData.groups.length) {
    const sel = $('weight-group');
    b.weight_groups.forEach((g, k) => {
      const o = document.createElement('option');
      o.value = k;
      o.textContent = `${g.name} (${g.pre} → ${g.post})`;
      sel.appendChild(o);
    });
  }
  weightData.groups = b.weight_groups;
  weightData.samples.push(b.weights);
  weightData.plastic = b.plastic;
  if (shownView() === 'weights') drawWeights();
}

/** The chosen group's histogram over time as a heat map (time across, weight up, darker = more synapses). */
function drawWeights() {
  const note = $('weights-note');
  note.dataset.plastic = weightData.plastic;
  note.textContent = !weightData.groups.length ? 'No weights yet.' : weightData.plastic
    ? `Plastic synapses: the weights change; ${weightData.samples.length} samples every 100 ms.`
    : 'This run has no plastic synapses: the weights stay as built (the same histogram at every sample).';
  const k = Number($('weight-group').value || 0), g = weightData.groups[k];
  if (!g) return;
  const e = g.edges, S = weightData.samples;
  const t1 = Math.max(net.duration, ...S.map((s) => s.t_ms));
  const ax = axes($('weights'), 0, t1, e[0], e[e.length - 1], 't (ms)', 'weight', `weight histogram over time: ${g.name}`);
  let max = 1;
  for (const s of S) max = Math.max(max, ...s.counts[k]);
  S.forEach((s, j) => {
    const xa = ax.px(s.t_ms), xb = ax.px(j + 1 < S.length ? S[j + 1].t_ms : Math.min(t1, s.t_ms + 100));
    s.counts[k].forEach((c, b) => {
      if (!c) return;
      ax.g.fillStyle = `rgba(31,95,191,${0.15 + 0.85 * c / max})`;
      ax.g.fillRect(xa, ax.py(e[b + 1]), Math.max(1, xb - xa), ax.py(e[b]) - ax.py(e[b + 1]));
    });
  });
  ax.done();
  drawIncoming();
}

function requestIncoming() {
  const i = selected;
  api(`/api/net/${net.id}/incoming?neuron=${i}`).then((d) => { if (selected === i) { incoming = d; drawIncoming(); } })
    .catch((e) => { $('incoming-note').textContent = e.message; });
}

/** The selected neuron's incoming weights against their presynaptic neuron. */
function drawIncoming() {
  const d = incoming, note = $('incoming-note');
  if (!d) { note.textContent = 'Click a row of the raster to see that neuron\'s incoming weights.'; return; }
  const all = d.synapse_groups.flatMap((g) => g.w);
  const lo = Math.min(0, ...all), hi = Math.max(0.1, ...all);
  const ax = axes($('incoming'), 0, net.n, lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo), 'presynaptic neuron', 'weight', `incoming weights of neuron ${d.neuron} (${d.group})`);
  for (const g of d.synapse_groups) {
    for (let k = 0; k < g.pre.length; k++) {
      ax.g.fillStyle = colourOf(g.pre[k]);
      ax.g.fillRect(ax.px(g.pre[k]) - 1.5, ax.py(g.w[k]) - 1.5, 3, 3);
    }
  }
  ax.done();
  note.textContent = `neuron ${d.neuron}: ${d.inputs} inputs from ${d.synapse_groups.map((g) => `${g.name} (${g.pre.length})`).join(', ')}`;
  note.dataset.inputs = d.inputs;
}

function wireViews() {
  for (const v of VIEWS) $('vtab-' + v).addEventListener('click', () => selectView(v));
  $('isi-run').addEventListener('click', requestIsi);
  $('spectrum-run').addEventListener('click', requestSpectrum);
  $('weight-group').addEventListener('change', drawWeights);
  plots.tracev = chart($('plot-tracev'), 'v of the clicked neuron (replayed)', 'v (mV)', [{ label: 'v', stroke: '#111' }], 170, 't (ms)', () => [0, net.duration]);
  plots.traceu = chart($('plot-traceu'), 'u of the clicked neuron (replayed)', 'u', [{ label: 'u', stroke: '#2e8b57' }], 150, 't (ms)', () => [0, net.duration]);
  plots.spectrum = chart($('plot-spectrum'), 'population spectrum', 'power', [{ label: 'power', stroke: '#8e44ad' }], 260, 'frequency (Hz)');
}
