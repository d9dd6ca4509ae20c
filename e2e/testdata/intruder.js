// A frame of the widget's own origin that is not the widget: its messages
// must not size any embed.
window.addEventListener("message", function () {
  window.parent.postMessage({ type: "paperwidget:height", height: 9 }, "*");
});
