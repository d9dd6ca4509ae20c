// Paper widget: applies the DOM writes of a go-app render, sent by app.wasm
// in one call instead of one call each (see build/site/_goapp/js_wasm.go).
// meta holds "kind,name length,value length," for each write, in
// JavaScript string units; text holds a "." (a leading byte order mark
// would be lost in decoding), then each write's name and value, one after
// the other; nodes are what each write changes, in order: one node, or two
// for an append (the parent, then the child).
// Kinds: 0 a text node's value, 1 set an attribute, 2 remove one, 3 append
// a child, 4 set a boolean property (value "true" or "false").
function goappApplyDOMWrites(meta, text, ...nodes) {
  const m = meta.split(",");
  let at = 1;
  let n = 0;
  for (let i = 0; i + 2 < m.length; i += 3) {
    const kind = m[i];
    const node = nodes[n++];
    const nameEnd = at + Number(m[i + 1]);
    const end = nameEnd + Number(m[i + 2]);
    switch (kind) {
      case "0":
        node.nodeValue = text.slice(nameEnd, end);
        break;
      case "1":
        node.setAttribute(text.slice(at, nameEnd), text.slice(nameEnd, end));
        break;
      case "2":
        node.removeAttribute(text.slice(at, nameEnd));
        break;
      case "3":
        node.appendChild(nodes[n++]);
        break;
      default:
        node[text.slice(at, nameEnd)] = text.slice(nameEnd, end) === "true";
    }
    at = end;
  }
}
