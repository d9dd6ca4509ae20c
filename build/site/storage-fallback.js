// Paper widget: where the browser refuses storage (blocked cookies in a
// third-party iframe, sandboxed iframes), reading window.localStorage throws
// a SecurityError, and go-app reads it when it starts: the widget would not
// load. Such pages get an in-memory stand-in that lasts as long as the page.
(() => {
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      window[name].length;
      continue;
    } catch (err) {
      // blocked: replace it below
    }
    const data = new Map();
    const storage = {
      get length() {
        return data.size;
      },
      key(i) {
        const keys = [...data.keys()];
        return i >= 0 && i < keys.length ? keys[i] : null;
      },
      getItem(k) {
        k = String(k);
        return data.has(k) ? data.get(k) : null;
      },
      setItem(k, v) {
        data.set(String(k), String(v));
      },
      removeItem(k) {
        data.delete(String(k));
      },
      clear() {
        data.clear();
      },
    };
    try {
      Object.defineProperty(window, name, { value: storage, configurable: true });
    } catch (err) {
      console.warn("paper widget: " + name + " is blocked and cannot be replaced:", err);
    }
  }
})();

