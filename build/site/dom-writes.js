// Paper widget: applies the text and attribute writes of a go-app render,
// sent by app.wasm in one call instead of one call each (see
// build/site/_goapp/js_wasm.go). meta holds "kind,name length,value length,"
// for each write, in JavaScript string units, kind 0 for a text node's
// value, 1 to set an attribute and 2 to remove one; text holds a "." (a
// leading byte order mark would be lost in decoding), then each write's
// name and value, one after the other; nodes are what each write changes.
function goappApplyDOMWrites(meta, text, ...nodes) {
  const m = meta.split(",");
  let at = 1;
  for (let i = 0; i < nodes.length; i++) {
    const kind = m[3 * i];
    const nameEnd = at + Number(m[3 * i + 1]);
    const end = nameEnd + Number(m[3 * i + 2]);
    if (kind === "0") {
      nodes[i].nodeValue = text.slice(nameEnd, end);
    } else if (kind === "1") {
      nodes[i].setAttribute(text.slice(at, nameEnd), text.slice(nameEnd, end));
    } else {
      nodes[i].removeAttribute(text.slice(at, nameEnd));
    }
    at = end;
  }
}

