/*
 * Paper widget embed: paste
 *   <script src="https://example.org/papers/embed.js" data-src="lab.json" async></script>
 * and the widget appears in an iframe right after the tag (or inside the
 * element named by data-target), sized to its content.
 *
 * Attributes: data-src, data-query, data-theme (auto|light|dark; auto matches
 * the host page's background), data-lang, data-title, data-max-height,
 * data-loading="lazy", data-target (CSS selector or id).
 *
 * API: window.PaperWidget.embeds[i].setQuery(q) / .setTheme(t), and
 * PaperWidget.setTheme(t) for every embed on the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;

  var page = new URL(".", script.src);
  var origin = page.origin;
  var data = script.dataset;
  var api = (window.PaperWidget = window.PaperWidget || {
    embeds: [],
    setTheme: function (t) {
      api.embeds.forEach(function (e) { e.setTheme(t); });
    },
  });

  var params = new URLSearchParams();
  if (data.src) params.set("src", new URL(data.src, document.baseURI).href);
  if (data.query) params.set("q", data.query);
  if (data.lang) params.set("lang", data.lang);
  var target = data.target && (document.getElementById(data.target) || document.querySelector(data.target));
  var wanted = data.theme === "light" || data.theme === "dark" ? data.theme : "auto";
  var theme = wanted === "auto" ? hostTheme() : wanted;
  params.set("theme", theme);

  var frame = document.createElement("iframe");
  frame.src = page.href + "?" + params;
  frame.title = data.title || "List of papers";
  if (data.loading === "lazy") frame.loading = "lazy";
  var maxHeight = parseInt(data.maxHeight, 10) || Infinity;
  // Important, so that a host stylesheet styling every iframe cannot
  // squash or frame the widget.
  var style = {
    display: "block", width: "100%", "max-width": "100%", height: "420px",
    border: "0", margin: "0", padding: "0", background: "transparent",
    "color-scheme": "normal",
  };
  for (var k in style) frame.style.setProperty(k, style[k], "important");

  if (target) target.appendChild(frame);
  else script.parentNode.insertBefore(frame, script.nextSibling);

  var ready = false;
  var pending = {};
  function send(msg) {
    if (!ready) {
      for (var k in msg) pending[k] = msg[k];
      return;
    }
    msg.type = "paperwidget:set";
    frame.contentWindow.postMessage(msg, origin);
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow || !e.data) return;
    if (e.data.type === "paperwidget:height" && typeof e.data.height === "number" && e.data.height >= 0) {
      frame.style.setProperty("height", Math.min(Math.ceil(e.data.height), maxHeight) + "px", "important");
    } else if (e.data.type === "paperwidget:ready") {
      ready = true;
      if (Object.keys(pending).length) send(pending);
      pending = {};
    }
  });

  // With theme auto, follow the host: its background now, and whenever a
  // dark-mode switch changes the page's classes or the system scheme.
  if (wanted === "auto") {
    var follow = function () {
      var t = hostTheme();
      if (t !== theme) send({ theme: (theme = t) });
    };
    new MutationObserver(follow).observe(document.documentElement, { attributes: true, subtree: false });
    if (document.body) new MutationObserver(follow).observe(document.body, { attributes: true });
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", follow);
  }

  api.embeds.push({
    iframe: frame,
    setQuery: function (q) { send({ query: String(q) }); },
    setTheme: function (t) {
      if (t === "light" || t === "dark") send({ theme: (theme = t) });
    },
  });

  // The first opaque background behind the widget decides light or dark;
  // a page with none is the browser's canvas, light unless it opts into dark.
  function hostTheme() {
    for (var el = target || script.parentNode; el && el.nodeType === 1; el = el.parentNode) {
      var m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
      if (m && (m.length < 4 || +m[3] > 0.5)) {
        return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2] < 128 ? "dark" : "light";
      }
    }
    var scheme = getComputedStyle(document.documentElement).colorScheme || "";
    return scheme.indexOf("dark") >= 0 && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
})();
