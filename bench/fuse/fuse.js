// Fuse.js reference page: renders the same rows as the widget, sets
// data-ready once the list is indexed and data-query to the query the shown
// rows answer, as the widget does.
import Fuse from "./fuse.min.mjs";

const root = document.querySelector("[data-paper-widget]");
const input = document.querySelector("#pw-q");
const count = document.querySelector("[data-result-count]");
const list = document.querySelector(".pw-list");
// As the widget: a page of 20 rows without a query, the first 10 with one.
const pageSize = 20;
const firstRows = 10;

function row(p) {
  const li = document.createElement("li");
  li.className = "pw-paper";
  li.id = "paper-" + p.id;
  li.dataset.paperId = p.id;
  const h2 = document.createElement("h2");
  h2.className = "pw-title";
  const b = document.createElement("button");
  b.type = "button";
  b.dataset.field = "title";
  b.setAttribute("aria-expanded", "false");
  b.setAttribute("aria-controls", "abstract-" + p.id);
  b.textContent = p.title;
  h2.append(b);
  li.append(h2);
  if (p.date) {
    const meta = document.createElement("p");
    meta.className = "pw-meta";
    const t = document.createElement("time");
    t.dateTime = p.date;
    t.textContent = p.date;
    meta.append(t);
    li.append(meta);
  }
  const links = document.createElement("p");
  links.className = "pw-links";
  const a = document.createElement("a");
  a.className = "pw-permalink";
  a.href = "#paper-" + p.id;
  a.textContent = "Link";
  links.append(a);
  li.append(links);
  const abs = document.createElement("div");
  abs.id = "abstract-" + p.id;
  abs.className = "pw-abstract";
  abs.dataset.field = "abstract";
  abs.hidden = true;
  const ap = document.createElement("p");
  ap.textContent = p.abstract || "No abstract.";
  abs.append(ap);
  li.append(abs);
  return li;
}

function render(papers, q, found) {
  list.replaceChildren(...found.slice(0, q ? firstRows : pageSize).map(row));
  count.dataset.resultCount = String(found.length);
  count.textContent = `${found.length} of ${papers.length} papers`;
  if (q) root.dataset.query = q;
  else delete root.dataset.query;
}

const src = new URLSearchParams(location.search).get("src");
const resp = await fetch(src);
const data = await resp.json();
const papers = Array.isArray(data) ? data : data.papers;
const fuse = new Fuse(papers, { keys: ["title", "abstract"], threshold: 0.4, ignoreLocation: true });
render(papers, "", papers);
input.addEventListener("input", () => {
  const q = input.value.trim();
  render(papers, q, q ? fuse.search(q).map((r) => r.item) : papers);
});
root.dataset.ready = "true";
