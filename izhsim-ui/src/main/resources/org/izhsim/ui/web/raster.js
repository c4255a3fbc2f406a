// izhsim explorer, the network's spike raster: drawn on a canvas from the spikes the page has;
// the wheel zooms time (with Shift: neurons) around the pointer, a drag pans, the buttons zoom
// and reset, a click on a row picks that neuron for the trace and weight views. Each committed
// change is a dashed line numbered as in the change log, with a mark on the time axis.
'use strict';

const view = { x0: 0, x1: 1000, y0: 0, y1: 1000 };
const GROUP_COLOURS = ['#1f5fbf', '#c0392b', '#2e8b57', '#8e44ad', '#d68910', '#17a589'];
let raster = null;

function rasterReset() {
  Object.assign(view, { x0: 0, x1: net.duration, y0: 0, y1: net.n });
  drawRaster();
}

function colourOf(i) {
  for (let g = 0; g < net.groups.length; g++) if (i < net.groups[g].to) return GROUP_COLOURS[g % GROUP_COLOURS.length];
  return '#333';
}

function drawRaster() {
  const c = $('raster');
  const names = net.groups.map((g, k) => `${g.name}: ${['blue', 'red', 'green', 'purple', 'orange', 'teal'][k % 6]}`).join(', ');
  raster = axes(c, view.x0, view.x1, view.y0, view.y1, 't (ms)', 'neuron', `spike raster${names ? ' (' + names + ')' : ''}`);
  raster.done();
  c.dataset.x0 = view.x0; c.dataset.x1 = view.x1; c.dataset.y0 = view.y0; c.dataset.y1 = view.y1;
  const ts = [], is = [];
  for (let k = 0; k < net.dots.length; k += 2) { ts.push(net.dots[k]); is.push(net.dots[k + 1]); }
  drawDots(ts, is);
  drawMarkers();
}

function drawDots(ts, is) {
  if (!raster) return;
  const g = raster.g;
  const shown = (view.y1 - view.y0);
  const dot = shown > 3000 ? 1 : shown > 300 ? 1.5 : Math.max(2, Math.min(6, (raster.box.h - 70) / shown));
  for (let k = 0; k < ts.length; k++) {
    if (ts[k] < view.x0 || ts[k] > view.x1 || is[k] < view.y0 || is[k] >= view.y1) continue;
    g.fillStyle = colourOf(is[k]);
    g.fillRect(raster.px(ts[k]) - dot / 2, raster.py(is[k] + 0.5) - dot / 2, dot, dot);
  }
  if (selected !== null && selected >= view.y0 && selected < view.y1) {
    const { L, R, w } = raster.box;
    g.strokeStyle = 'rgba(0,0,0,0.35)';
    g.strokeRect(L, raster.py(selected + 1), w - L - R, Math.max(1, raster.py(selected) - raster.py(selected + 1)));
  }
}

/** One dashed line per committed change, numbered as the change log is, with a triangle on the time axis. */
function drawMarkers() {
  const g = raster.g, { T, B, h } = raster.box;
  net.changes.forEach((c, k) => {
    if (c.step === 0 || c.t_ms < view.x0 || c.t_ms > view.x1) return; // the initial settings are not steering
    const x = raster.px(c.t_ms);
    g.strokeStyle = '#e67e22'; g.setLineDash([4, 3]); g.lineWidth = 1;
    g.beginPath(); g.moveTo(x, T); g.lineTo(x, h - B); g.stroke(); g.setLineDash([]);
    g.fillStyle = '#e67e22';
    g.beginPath(); g.moveTo(x, h - B); g.lineTo(x - 5, h - B + 8); g.lineTo(x + 5, h - B + 8); g.fill();
    g.font = '11px system-ui, sans-serif'; g.textAlign = 'left';
    g.fillText(String(k + 1), x + 3, T + 11);
  });
  $('raster').dataset.markers = net.changes.filter((c) => c.step > 0).length;
}

/** Zooms by {@code f} (< 1 in) around data point (tx, ny); only time unless {@code neurons}. */
function zoom(f, tx, ny, neurons) {
  const clampX = (a, b) => [Math.max(0, a), Math.min(net.duration, b)];
  let [x0, x1] = clampX(tx - (tx - view.x0) * f, tx + (view.x1 - tx) * f);
  if (x1 - x0 < 1) [x0, x1] = [view.x0, view.x1];
  Object.assign(view, { x0, x1 });
  if (neurons) {
    let y0 = Math.max(0, ny - (ny - view.y0) * f), y1 = Math.min(net.n, ny + (view.y1 - ny) * f);
    if (y1 - y0 < 5) [y0, y1] = [view.y0, view.y1];
    Object.assign(view, { y0, y1 });
  }
  drawRaster();
}

function pan(dt, dn) {
  const w = view.x1 - view.x0, hN = view.y1 - view.y0;
  const x0 = Math.max(0, Math.min(net.duration - w, view.x0 + dt)), y0 = Math.max(0, Math.min(net.n - hN, view.y0 + dn));
  Object.assign(view, { x0, x1: x0 + w, y0, y1: y0 + hN });
  drawRaster();
}

function wireRaster() {
  const c = $('raster');
  const centre = () => [(view.x0 + view.x1) / 2, (view.y0 + view.y1) / 2];
  $('raster-in').addEventListener('click', () => zoom(0.5, ...centre(), true));
  $('raster-out').addEventListener('click', () => zoom(2, ...centre(), true));
  $('raster-reset').addEventListener('click', rasterReset);
  c.addEventListener('wheel', (e) => {
    if (!raster) return;
    e.preventDefault();
    const r = c.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 0.8 : 1.25, raster.ix(e.clientX - r.left), raster.iy(e.clientY - r.top), e.shiftKey);
  }, { passive: false });
  let drag = null;
  c.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, moved: false }; c.setPointerCapture(e.pointerId); });
  c.addEventListener('pointermove', (e) => {
    if (!drag || !raster) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    pan(raster.ix(0) - raster.ix(dx), raster.iy(0) - raster.iy(dy));
    drag.x = e.clientX; drag.y = e.clientY;
  });
  c.addEventListener('pointerup', (e) => {
    const d = drag;
    drag = null;
    if (!d || d.moved || !raster) return;
    const r = c.getBoundingClientRect();
    const i = Math.floor(raster.iy(e.clientY - r.top));
    if (i >= 0 && i < net.n && net.id) selectNeuron(i);
  });
}
