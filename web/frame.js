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

  window.paperwidgetFetchList = fetchList;
  prefetchList(new URLSearchParams(location.search).get("src"));

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

  // A list named by ?src= is fetched now, while app.wasm downloads and
  // compiles, and read here as it arrives: the program (widget/load.go,
  // fetchList) takes the chunks in one call. Fetched by the program, a
  // 10,000-paper list arrived 250-350 ms after it started; preloaded, the
  // program still read it one call per chunk of the stream (about 270 for
  // 17 MB).
  function prefetchList(src) {
    if (!src) return;
    var url;
    try {
      url = new URL(src, document.baseURI);
    } catch (e) {
      return; // the program names the bad URL
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    window.paperwidgetPrefetch = { src: src, result: fetchList(src) };
  }

  // fetchList fetches src, relative to the page, and reads its body whole.
  // Its promise never rejects: it holds fetchError when the request failed,
  // else the response, with its body's chunks or, when the download broke
  // off, bodyError. The program fetches through it any list the page did
  // not fetch ahead.
  function fetchList(src) {
    return fetch(src).then(function (response) {
      if (!response.ok || !response.body) return { response: response, chunks: [] };
      var reader = response.body.getReader();
      var chunks = [];
      function read() {
        return reader.read().then(function (r) {
          if (r.done) return { response: response, chunks: chunks };
          chunks.push(r.value);
          return read();
        });
      }
      return read().catch(function (e) {
        return { response: response, bodyError: e };
      });
    }, function (e) {
      return { fetchError: e };
    });
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
