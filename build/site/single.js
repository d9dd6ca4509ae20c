// The one-file widget (make dist SINGLE=1). A page opened from file:// can
// fetch nothing beside it, so app.wasm is in the page itself, gzipped in
// base64, which the browser decodes and decompresses as it compiles (the
// list is in every page: see build/site/inlinelist.go). go-app's app.js,
// which follows, asks this for app.wasm and for its environment.
var paperwidgetSingleFile = (function () {
  "use strict";
  // take reads a data block and drops it from the page, so its text is
  // held once.
  function take(id) {
    const el = document.getElementById(id);
    const text = el.textContent;
    el.remove();
    return text;
  }
  return {
    env: {
      // go-app routes the path under this prefix: the file's own path,
      // wherever it was saved, is the widget page "/".
      GOAPP_ROOT_PREFIX: location.pathname,
    },
    wasm: async function () {
      const gz = await fetch("data:application/gzip;base64," + take("paperwidget-wasm"));
      return new Response(gz.body.pipeThrough(new DecompressionStream("gzip")), {
        headers: { "Content-Type": "application/wasm" },
      });
    },
  };
})();
