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
 * Inside an iframe it marks the page as embedded (transparent, no
 * full-height layout), takes the host's accent colour and font from the URL
 * (embed.js passes them; each is checked by the browser's CSS parser and set
 * as one property value, never as style text), and tells the host page its
 * height whenever it changes, once the page is parsed, saying whether it is
 * the running widget's or the pre-rendered page's. Only the height is ever
 * sent.
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

  preloadList(new URLSearchParams(location.search).get("src"));

  if (window.parent === window) return;
  var root = document.documentElement;
  root.setAttribute("data-embedded", "");
  hostStyle(new URLSearchParams(location.search));

  var last = "";
  function send() {
    // A page still being parsed has the height of the rows read so far:
    // the host would grow the iframe twice (the pre-rendered list, a row
    // per entry of every paper, is parsed in several turns).
    if (document.readyState === "loading") return;
    var height = Math.ceil(root.getBoundingClientRect().height);
    var ready = !!document.querySelector("[data-paper-widget][data-ready]");
    if (height + "/" + ready !== last) {
      last = height + "/" + ready;
      window.parent.postMessage({ type: "paperwidget:height", height: height, ready: ready }, "*");
    }
  }
  document.addEventListener("DOMContentLoaded", send);
  new ResizeObserver(send).observe(root);
  // The running widget's first height is sent once it is ready even when
  // it equals the pre-rendered page's.
  new MutationObserver(send).observe(root, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });

  // A list named by ?src= starts downloading now, while app.wasm downloads
  // and compiles, instead of once the program runs: a 10,000-paper list
  // then arrived 250-350 ms after the program started. The program's own
  // fetch of the same URL (widget/load.go) is answered by this preload:
  // crossorigin="anonymous" is fetch()'s default mode and credentials.
  function preloadList(src) {
    if (!src) return;
    var url;
    try {
      url = new URL(src, document.baseURI);
    } catch (e) {
      return; // the program names the bad URL
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = url.href;
    document.head.appendChild(link);
  }

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
