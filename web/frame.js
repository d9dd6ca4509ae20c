/*
 * Runs in the widget page before it renders. Inside an iframe it marks the
 * page as embedded (transparent, no full-height layout) and tells the host
 * page its height whenever it changes, from the first paint on, so the
 * iframe never shows an inner scrollbar. Only the height is ever sent.
 */
(function () {
  "use strict";
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
