// Paper widget: go-app registers its service worker as soon as app.js runs.
// On a first visit the worker then installs while the page is loading: it
// downloads every file of the site again (app.wasm among them, 6 MB to
// decompress) on the same two cores that are downloading, compiling and
// starting the page's own app.wasm. Cold loads of the bundled list were
// ready at medians of 812 and 681 ms with it, 604 and 567 ms without (two
// alternating benchmark runs of 7 loads). The worker is registered once the
// widget is ready instead, in an idle moment. A page whose widget never
// starts (no WebAssembly, a crawler) registers it a while after its load
// event. Inside an iframe (embed.js) the worker is never registered: it
// would download the whole site again for an offline mode that the host
// page, which it does not cache, cannot use.
function paperwidgetRegisterWorkerLater(register) {
  if (window.top !== window) {
    return;
  }
  let registered = false;
  const observer = new MutationObserver(() => {
    if (document.querySelector("[data-paper-widget][data-ready]")) {
      later();
    }
  });
  const later = () => {
    if (registered) {
      return;
    }
    registered = true;
    observer.disconnect();
    if (window.requestIdleCallback) {
      requestIdleCallback(register, { timeout: 1000 });
    } else {
      setTimeout(register, 100);
    }
  };
  observer.observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-ready"],
  });
  addEventListener("load", () => setTimeout(later, 10000));
}

