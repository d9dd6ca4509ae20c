// Paper widget: applies the DOM writes of a go-app render, sent by app.wasm
// in one call instead of one call each (see build/site/_goapp/js_wasm.go).
// meta holds "kind,name length,value length," for each write, in
// JavaScript string units, kind 0 for a text node's value, 1 to set an
// attribute, 2 to remove one, 3 to append a child, 4 to remove one, 5 to
// replace one, 6 to set a boolean property (value "true" or "false") and
// 7 to move or insert a child before another (null: at the end);
// text holds a "." (a leading byte order mark would be lost in
// decoding), then each write's name and value, one after the other; nodes
// are what each write changes: the node, or for kinds 3 to 5 and 7 the parent
// followed by the child (5: the new child, then the old one; 7: the child,
// then the one to put it before).
function goappApplyDOMWrites(meta, text, ...nodes) {
  const m = meta.split(",");
  let at = 1;
  let n = 0;
  for (let i = 0; i + 2 < m.length; i += 3) {
    const kind = m[i];
    const nameEnd = at + Number(m[i + 1]);
    const end = nameEnd + Number(m[i + 2]);
    const node = nodes[n++];
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
      case "4":
        node.removeChild(nodes[n++]);
        break;
      case "5":
        node.replaceChild(nodes[n], nodes[n + 1]);
        n += 2;
        break;
      case "7": {
        const child = nodes[n], next = nodes[n + 1];
        n += 2;
        // moveBefore keeps a moved row's state (focus, a text selection)
        // where the browser has it; insertBefore drops focus.
        if (child.isConnected && node.moveBefore) {
          try {
            node.moveBefore(child, next);
            break;
          } catch (e) {}
        }
        node.insertBefore(child, next);
        break;
      }
      default:
        node[text.slice(at, nameEnd)] = text.slice(nameEnd, end) === "true";
    }
    at = end;
  }
}
