/*
 * Paper widget embed: paste
 *   <script src="https://lab.example.org/papers/embed.js" async></script>
 * and the widget appears in an iframe right after the tag (or inside the
 * element named by data-target), sized to its content.
 *
 * Attributes: data-src, data-query, data-theme (auto|light|dark; auto matches
 * the host page's background), data-lang, data-title, data-max-height,
 * data-loading="lazy", data-target (id or CSS selector), data-accent (a CSS
 * colour), data-font="inherit" (the host's font family and size).
 *
 * API: window.PaperWidget.embeds[i].setQuery(q) / .setTheme(t), and
 * PaperWidget.setTheme(t) for every embed on the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;

  // The widget's page posts its first message at its first paint: silence
  // this long means its site is down or blocked (by a filter, the host's
  // frame-src, the widget site's frame-ancestors).
  var SILENCE_MS = 10000;
  // Elements that show no iframe put inside them.
  var CANNOT_HOLD = /^(head|html|script|style|template|noscript|title|textarea|iframe|object|embed|video|audio|canvas|picture|img|input|select|option|optgroup|br|hr|wbr|meta|link|base)$/;
  var FALLBACK = { en: "Browse the papers", de: "Publikationen ansehen", fr: "Voir les publications" };

  var page = new URL(".", script.src);
  var origin = page.origin;
  var data = script.dataset;
  var api = (window.PaperWidget = window.PaperWidget || {
    embeds: [],
    setTheme: function (t) {
      api.embeds.forEach(function (e) { e.setTheme(t); });
    },
    // The permalink navigation that a widget has scrolled the page for:
    // several widgets may hold the paper, the first to answer wins.
    revealed: 0,
    navigations: 0,
  });

  function complain(attr, value, what) {
    console.error("paper widget: data-" + attr + '="' + value + '" ' + what);
  }

  var params = new URLSearchParams();
  if (data.src) {
    var src = null;
    try {
      src = new URL(data.src, document.baseURI);
    } catch (e) {}
    if (src && (src.protocol === "https:" || src.protocol === "http:")) {
      params.set("src", src.href);
    } else {
      complain("src", data.src, "is not an http(s) URL of a paper list");
      // The widget names it in its alert too, where visitors see it.
      params.set("src", data.src);
    }
  }
  if (data.query) params.set("q", data.query);
  if (data.lang) params.set("lang", data.lang);
  if (data.accent) {
    if (window.CSS && CSS.supports("color", data.accent)) params.set("accent", data.accent);
    else complain("accent", data.accent, "is not a CSS colour; the widget keeps its own");
  }
  if (data.font !== undefined && data.font !== "inherit") {
    complain("font", data.font, 'is not "inherit"; the widget keeps its own font');
  }
  var maxHeight = Infinity;
  if (data.maxHeight !== undefined) {
    var mh = /^\s*(\d+(\.\d+)?)\s*(px)?\s*$/i.exec(data.maxHeight);
    if (mh && isFinite(+mh[1]) && +mh[1] > 0) maxHeight = +mh[1];
    else complain("max-height", data.maxHeight, "is not a number of pixels greater than 0; ignored");
  }
  // Permalinks inside the widget point to this page.
  params.set("host", location.href.split("#")[0]);
  var wanted = data.theme === "light" || data.theme === "dark" ? data.theme : "auto";
  var theme = "light";

  var frame = document.createElement("iframe");
  frame.title = data.title || "List of papers";
  frame.allow = "clipboard-write";
  if (data.loading === "lazy") frame.loading = "lazy";
  // Important, so that a host stylesheet styling every iframe cannot
  // squash or frame the widget. Until its height is known the iframe keeps
  // the height of the window: the host's content below stays out of view,
  // and moves once, off screen when the widget is taller than the window.
  var style = {
    display: "block", width: "100%", "max-width": "100%", height: reserve() + "px",
    border: "0", margin: "0", padding: "0", background: "transparent",
    "color-scheme": "normal",
  };
  for (var k in style) frame.style.setProperty(k, style[k], "important");

  var ready = false; // the widget listens to commands
  // The heights to size the iframe to: the running widget's, or from the
  // first paint when the pre-rendered page is the widget's first view
  // (the bundled list, in English, without a query: paperwidget.css shows
  // its first window of rows only, as the widget will).
  var live = !data.src && !data.query && !/^(de|fr)/i.test(data.lang || "");
  var heard = false;
  var sized = false;
  var height = -1;
  var pending = {};
  var revealAt = null;
  var navigation = 0;
  var fallback = null;

  // An async script can run before the element it names is parsed.
  if (document.readyState === "loading" && !findTarget(true) && (data.target || !inBody(script))) {
    document.addEventListener("DOMContentLoaded", insert);
  } else {
    insert();
  }

  function inBody(el) {
    return !!document.body && document.body.contains(el);
  }

  // findTarget returns the element named by data-target, or null (quietly
  // when asked: the document is still loading).
  function findTarget(quiet) {
    var want = data.target;
    if (!want) return null;
    var el = document.getElementById(want);
    if (!el) {
      try {
        el = document.querySelector(want);
      } catch (e) {
        if (!quiet) complain("target", want, "is neither an element id nor a CSS selector; the widget goes after the script tag");
        return null;
      }
    }
    if (quiet) return el;
    if (!el) {
      complain("target", want, "names no element of the page; the widget goes after the script tag");
    } else if (!inBody(el) || el.namespaceURI !== "http://www.w3.org/1999/xhtml" || CANNOT_HOLD.test(el.localName)) {
      complain("target", want, "is an element that cannot show the widget; it goes after the script tag");
      el = null;
    }
    return el;
  }

  function insert() {
    var target = findTarget(false);
    if (target) {
      target.appendChild(frame);
    } else if (inBody(script)) {
      script.parentNode.insertBefore(frame, script.nextSibling);
    } else {
      console.error('paper widget: embed.js is in <head>: name the element to show the widget in with data-target="<id>"; it goes at the end of the page');
      if (!document.body) {
        document.addEventListener("DOMContentLoaded", function () {
          document.body.appendChild(frame);
          start();
        });
        return;
      }
      document.body.appendChild(frame);
    }
    start();
  }

  // start loads the widget into the inserted iframe.
  function start() {
    theme = wanted === "auto" ? hostTheme() : wanted;
    params.set("theme", theme);
    if (data.font === "inherit") {
      var cs = getComputedStyle(frame.parentNode);
      params.set("font", cs.fontFamily);
      params.set("font-size", cs.fontSize);
    }
    frame.src = page.href + "?" + params;
    openFromHash();
    addEventListener("hashchange", openFromHash);
    if (data.loading === "lazy" && window.IntersectionObserver) {
      // A lazy iframe loads when it nears the viewport: count silence from then.
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          seen.disconnect();
          setTimeout(onSilence, SILENCE_MS);
        }
      });
      seen.observe(frame);
    } else {
      setTimeout(onSilence, SILENCE_MS);
    }
    if (wanted === "auto") followHostTheme();
  }

  function reserve() {
    return Math.min(maxHeight, Math.max(420, window.innerHeight || 0));
  }

  function send(msg) {
    if (!ready) {
      for (var k in msg) pending[k] = msg[k];
      return;
    }
    msg.type = "paperwidget:set";
    frame.contentWindow.postMessage(msg, origin);
  }

  function size() {
    var first = !sized;
    sized = true;
    frame.style.setProperty("height", Math.min(Math.ceil(height), maxHeight) + "px", "important");
    unreserve();
    if (first) rescrollToHash();
    reveal();
  }

  // The browser scrolled to the host page's #section when the page was
  // shorter than it is with the widget: it may have stopped short. Scroll
  // there again, as it would have.
  function rescrollToHash() {
    var el = null;
    try {
      var id = decodeURIComponent(location.hash.slice(1));
      if (id && !/^paper-/.test(id)) el = document.getElementById(id);
    } catch (e) {}
    if (el) el.scrollIntoView();
  }

  // The snippet may reserve the window's height for the widget in the
  // markup (data-paperwidget-reserve), so that the host page does not move
  // when this script, loaded async, inserts the iframe after the page's
  // first paint; the iframe's own height takes over once known.
  function unreserve() {
    var slot = frame.parentNode;
    if (slot && slot.hasAttribute && slot.hasAttribute("data-paperwidget-reserve")) {
      slot.style.removeProperty("min-height");
      slot.removeAttribute("data-paperwidget-reserve");
    }
  }

  // A permalink to this page, #paper-<id>: open the paper in the widget.
  function openFromHash() {
    var m = /^#paper-(.+)$/.exec(location.hash);
    if (!m) return;
    var id;
    try {
      id = decodeURIComponent(m[1]);
    } catch (e) {
      return;
    }
    navigation = ++api.navigations;
    send({ paper: id });
  }

  // The widget opened the paper of a permalink: scroll the host page to it
  // once the iframe is tall enough to show it (opening it may have added
  // rows above it).
  function reveal() {
    var at = revealAt;
    if (!at || !live || Math.min(Math.ceil(height), maxHeight) < Math.min(at.top + at.height, maxHeight)) return;
    revealAt = null;
    if (api.revealed === navigation) return;
    api.revealed = navigation;
    var top = frame.getBoundingClientRect().top + window.scrollY;
    var row = Math.min(at.top, maxHeight - at.height);
    var smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.scrollTo({ top: Math.max(0, top + row - Math.max(0, (window.innerHeight - at.height) / 2)), behavior: smooth ? "smooth" : "auto" });
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow || !e.data) return;
    var d = e.data;
    if (!heard) {
      heard = true;
      if (fallback) {
        fallback.remove();
        fallback = null;
        frame.style.setProperty("display", "block", "important");
      }
    }
    if (d.type === "paperwidget:height" && isSize(d.height)) {
      height = d.height;
      // Before the widget runs, its page is the pre-rendered list, which
      // may be longer or shorter than what the widget will show: sizing to
      // it would move the host page twice.
      if (d.ready === true) live = true;
      if (live) size();
    } else if (d.type === "paperwidget:ready") {
      ready = true;
      if (Object.keys(pending).length) send(pending);
      pending = {};
    } else if (d.type === "paperwidget:reveal" && navigation && isSize(d.top) && isSize(d.height)) {
      revealAt = { top: d.top, height: d.height };
      reveal();
    }
  });

  function isSize(v) {
    return typeof v === "number" && isFinite(v) && v >= 0;
  }

  function onSilence() {
    if (heard) return;
    var p = document.createElement("p");
    p.className = "paperwidget-fallback";
    var a = document.createElement("a");
    var link = new URLSearchParams(params);
    ["host", "accent", "font", "font-size"].forEach(function (k) { link.delete(k); });
    a.href = page.href + "?" + link;
    a.textContent = FALLBACK[(data.lang || "").slice(0, 2).toLowerCase()] || FALLBACK.en;
    p.appendChild(a);
    frame.style.setProperty("display", "none", "important");
    frame.parentNode.insertBefore(p, frame.nextSibling);
    unreserve();
    fallback = p;
  }

  // With theme auto, follow the host: its background now, and whenever a
  // dark-mode switch changes the page's classes or the system scheme.
  function followHostTheme() {
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
    for (var el = frame.parentNode; el && el.nodeType === 1; el = el.parentNode) {
      var m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
      if (m && (m.length < 4 || +m[3] > 0.5)) {
        return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2] < 128 ? "dark" : "light";
      }
    }
    var scheme = getComputedStyle(document.documentElement).colorScheme || "";
    return scheme.indexOf("dark") >= 0 && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
})();
