// Installed in every benchmarked page before its own scripts run (CDP
// Page.addScriptToEvaluateOnNewDocument). It records, all in the page's own
// clock so that nothing of the DevTools round trips is counted:
//   - long tasks (PerformanceObserver "longtask"),
//   - when [data-paper-widget] gains data-ready,
//   - the wasm instance, to read its memory size,
//   - per keystroke, the time from the key event to the DOM answering the
//     query (data-query equal to the typed prefix) and to the next frame.
(() => {
  const b = (window.__pwb = { longTasks: [], ready: null, mem: null, expect: null, t0: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = async function (...args) {
      const r = await orig.apply(this, args);
      const inst = r.instance || r;
      if (inst.exports && inst.exports.mem) b.mem = inst.exports.mem;
      return r;
    };
  }
  addEventListener("keydown", (e) => { if (b.expect !== null) b.t0 = e.timeStamp; }, true);
  const check = () => {
    const root = document.querySelector("[data-paper-widget]");
    if (!root) return;
    if (b.ready === null && root.hasAttribute("data-ready")) b.ready = performance.now();
    if (b.expect !== null && (root.dataset.query ?? "") === b.expect) {
      const dom = performance.now() - b.t0;
      b.expect = null;
      requestAnimationFrame(() => b.resolve({ dom, frame: performance.now() - b.t0 }));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready", "data-query"],
  });
  // arm expects the query the next keystroke should produce; the returned
  // promise resolves with the timings once the DOM shows it.
  b.arm = (q) => {
    b.expect = q;
    b.done = new Promise((res) => (b.resolve = res));
  };
  b.load = () => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const paint = fcp ? fcp.startTime : null;
    let bytes = 0;
    for (const e of performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))) {
      bytes += e.transferSize || 0;
    }
    const marks = {};
    for (const m of performance.getEntriesByType("mark")) marks[m.name.replace("paperwidget:", "")] = m.startTime;
    const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/app.wasm"));
    const root = document.querySelector("[data-paper-widget]");
    const count = document.querySelector("[data-result-count]");
    const alert = document.querySelector('[role="alert"]');
    const after = b.longTasks.filter((t) => paint === null || t.start + t.dur > paint);
    return {
      paint, ready: b.ready, bytes,
      longest: after.reduce((m, t) => Math.max(m, t.dur), 0),
      over200: after.filter((t) => t.dur > 200).length,
      mem: b.mem ? b.mem.buffer.byteLength : 0,
      wasm: wasm ? wasm.responseEnd : null, started: marks.started ?? null,
      fetched: marks.fetched ?? null, decoded: marks.decoded ?? null, indexed: marks.indexed ?? null,
      count: count ? count.textContent : "", alert: alert ? alert.textContent : "",
    };
  };
})();
