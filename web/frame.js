/*
 * Runs in the widget page before it renders. Inside an iframe it marks the
 * page as embedded (transparent, no full-height layout), takes the host's
 * accent colour and font from the URL (embed.js passes them; each is
 * checked by the browser's CSS parser and set as one property value, never
 * as style text), and tells the host page its height whenever it changes,
 * from the first paint on, saying whether it is the running widget's or the
 * pre-rendered page's. Only the height is ever sent.
 */
(function () {
  "use strict";
  if (window.parent === window) return;
  var root = document.documentElement;
  root.setAttribute("data-embedded", "");
  hostStyle(new URLSearchParams(location.search));

  var last = "";
  function send() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    var ready = !!document.querySelector("[data-paper-widget][data-ready]");
    if (height + "/" + ready !== last) {
      last = height + "/" + ready;
      window.parent.postMessage({ type: "paperwidget:height", height: height, ready: ready }, "*");
    }
  }
  new ResizeObserver(send).observe(root);
  // The running widget's first height is sent once it is ready even when
  // it equals the pre-rendered page's.
  new MutationObserver(send).observe(root, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });

  function hostStyle(q) {
    var props = {};
    var accent = q.get("accent");
    if (accent && CSS.supports("color", accent)) {
      props["--pw-accent"] = props["--pw-focus"] = accent;
    }
    var font = q.get("font");
    if (font && CSS.supports("font-family", font)) props["--pw-font"] = font;
    var size = /^(\d+(\.\d+)?)px$/.exec(q.get("font-size") || "");
    if (size && +size[1] >= 8 && +size[1] <= 48) props["--pw-font-size"] = size[0];
    if (!Object.keys(props).length || !document.adoptedStyleSheets) return;
    // Adopted after the page's stylesheets, so its rule wins over theirs.
    var sheet = new CSSStyleSheet();
    sheet.insertRule("html[data-embedded] [data-paper-widget] {}");
    for (var k in props) sheet.cssRules[0].style.setProperty(k, props[k]);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  }
})();
