/*
 * Runs in the widget page before it renders.
 *
 * Until app.wasm has started, which on a phone takes seconds, the titles of
 * the pre-rendered list toggle their abstracts here: each title is a button
 * with aria-expanded controlling its abstract, as in the live widget. The
 * client reads which rows are open when it takes over (widget/page.go), so
 * nothing closes under the reader. Only the pre-rendered list is touched:
 * the live one is go-app's.
 *
 * Inside an iframe it also marks the page as embedded (transparent, no
 * full-height layout) and tells the host page its height whenever it
 * changes, from the first paint on, so the iframe never shows an inner
 * scrollbar. Only the height is ever sent.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var title = e.target instanceof Element && e.target.closest('[data-field="title"]');
    var row = title && title.closest("[data-paper-widget][data-prerendered] [data-paper-id]");
    var abstract = row && row.querySelector('[data-field="abstract"]');
    if (!abstract) return;
    var open = title.getAttribute("aria-expanded") !== "true";
    title.setAttribute("aria-expanded", String(open));
    abstract.hidden = !open;
  });

  if (window.parent === window) return;
  var root = document.documentElement;
  root.setAttribute("data-embedded", "");
  var last = -1;
  new ResizeObserver(function () {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "paperwidget:height", height: height }, "*");
    }
  }).observe(root);
})();
