// Installed in every benchmarked page before its own scripts run (CDP
// Page.addScriptToEvaluateOnNewDocument). It records, all in the page's own
// clock so that nothing of the DevTools round trips is counted:
//   - long tasks (PerformanceObserver "longtask"),
//   - when [data-paper-widget] gains data-ready,
//   - the wasm instance, to read its memory size,
//   - per keystroke, what a reader waits for: from the keydown event
//     (a capture listener on window, added before any of the page's) to the
//     last DOM mutation it causes, layout included. Every mutation forces
//     layout at once (reading offsetHeight), so the end of a key is when
//     the last mutation's layout is done; the key has ended once nothing
//     has changed for 200 ms and the DOM answers the typed prefix
//     (data-query).
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
  const quiet = 200;
  addEventListener("keydown", (e) => {
    if (!b.key || b.key.t0 !== null) return;
    b.key.t0 = e.timeStamp;
    b.key.end = e.timeStamp;
    b.key.last = e.timeStamp;
    const wait = setInterval(() => {
      const k = b.key, now = performance.now();
      if (k.expect !== null && (document.querySelector("[data-paper-widget]")?.dataset.query ?? "") !== k.expect) {
        if (now - k.t0 > 120000) { clearInterval(wait); b.key = null; k.resolve({ error: "the DOM never showed " + JSON.stringify(k.expect) }); }
        return;
      }
      if (now - k.last < quiet) return;
      clearInterval(wait);
      b.key = null;
      k.resolve({ last: k.end - k.t0, mutations: k.n, what: k.what });
    }, 10);
  }, true);
  const check = () => {
    const root = document.querySelector("[data-paper-widget]");
    if (root && b.ready === null && root.hasAttribute("data-ready")) b.ready = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"],
  });
  new MutationObserver((records) => {
    const k = b.key;
    if (!k || k.t0 === null) return;
    const r = records[records.length - 1], el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    k.what = `${r.type} ${el ? el.tagName.toLowerCase() + (el.className ? "." + el.className : "") : ""}${r.attributeName ? " @" + r.attributeName : ""}`;
    k.last = performance.now();
    void document.documentElement.offsetHeight;
    k.end = performance.now();
    k.n++;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // arm readies the timing of the next keydown; expect is the query the
  // DOM must show before the key can end (null: any). done resolves with
  // the key's time, in ms, to its last mutation's layout.
  b.arm = (expect) => {
    b.done = new Promise((resolve) => (b.key = { expect, t0: null, end: 0, last: 0, n: 0, what: "", resolve }));
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
