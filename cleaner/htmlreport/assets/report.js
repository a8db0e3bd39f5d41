// The cleaner report: filter toggles, table sorting, search. Reads the page, loads nothing.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const root = document.documentElement;

  // the sticky bar's height, so that a jump to a document is not hidden under it
  const bar = $(".bar");
  const fitBar = () => root.style.setProperty("--bar-height", `${bar.offsetHeight + 8}px`);
  fitBar();
  window.addEventListener("resize", fitBar);

  // -- the legend: each filter's pieces shown or hidden ---------------------------------
  const toggles = [...document.querySelectorAll("[data-toggle]")];
  const show = (box, on) => {
    box.checked = on;
    root.classList.toggle(`hide-f${box.dataset.toggle}`, !on);
  };
  for (const box of toggles) box.addEventListener("change", () => show(box, box.checked));
  $(".all")?.addEventListener("click", () => toggles.forEach((box) => show(box, true)));
  $(".none")?.addEventListener("click", () => toggles.forEach((box) => show(box, false)));

  // -- the documents table: drawn from the rows' data, a page at a time ----------------
  // row: [path, section id or "", title, language, kind, kept, removed, share, pieces, most by]
  const rows = JSON.parse($(".rows").textContent);
  const COLUMNS = [0, 2, 3, 4, 5, 6, 7, 8, 9];  // the row's field in each column
  const PAGE = 1000;
  const table = $(".table");
  const tbody = table.tBodies[0];
  const headers = [...table.tHead.rows[0].cells];
  const shownNote = $(".shown");
  const more = $(".more");
  const number = new Intl.NumberFormat("en");
  let listed = rows;  // sorted, and filtered by the search
  let matching = null;  // the search's test of a row, or null
  let limit = PAGE;

  const cell = (tr, text, className) => {
    const td = tr.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  };
  const drawRow = (row) => {
    const tr = document.createElement("tr");
    const [path, id, title, language, kind, kept, removed, share, pieces, top] = row;
    const first = tr.insertCell();
    if (id) {
      const link = first.appendChild(document.createElement("a"));
      link.href = `#${id}`;
      link.textContent = path;
      tr.className = "full";
    } else first.textContent = path;
    cell(tr, title).dir = "auto";
    cell(tr, language);
    cell(tr, kind);
    cell(tr, number.format(kept), "num");
    cell(tr, number.format(removed), "num");
    const bar = cell(tr, "", "num").appendChild(document.createElement("span"));
    bar.className = "sharebar";
    bar.style.setProperty("--w", `${(share * 100).toFixed(1)}%`);
    bar.textContent = `${Math.round(share * 100)}%`;
    cell(tr, number.format(pieces), "num");
    cell(tr, top);
    return tr;
  };
  const draw = () => {
    tbody.replaceChildren(...listed.slice(0, limit).map(drawRow));
    const count = Math.min(limit, listed.length);
    const documents = (n) => `${number.format(n)} document${n === 1 ? "" : "s"}`;
    shownNote.value = listed.length === rows.length
      ? `${number.format(count)} of ${documents(rows.length)} listed`
      : `${number.format(count)} of the ${documents(listed.length)} that match listed`;
    more.hidden = count >= listed.length;
    more.textContent = `show ${number.format(Math.min(PAGE, listed.length - count))} more`;
  };
  more.addEventListener("click", () => { limit += PAGE; draw(); });
  headers.forEach((th, i) => {
    th.querySelector("button").addEventListener("click", () => {
      const numeric = th.dataset.sort === "num";
      const now = th.getAttribute("aria-sort");  // again: the other way; first: numbers largest first
      const descending = now ? now === "ascending" : numeric;
      const field = COLUMNS[i];
      const sign = descending ? -1 : 1;
      const key = numeric ? (row) => row[field] : (row) => String(row[field]).toLowerCase();
      rows.sort((a, b) => { const x = key(a), y = key(b); return x < y ? -sign : x > y ? sign : 0; });
      listed = matching ? rows.filter(matching) : rows;
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      draw();
    });
  });
  draw();

  // -- search: documents shown in full by their text, every row by path and title ---------
  const docs = [...document.querySelectorAll("section.doc")];
  const input = $(".search");
  const found = $(".found");
  const highlights = typeof Highlight === "function" && CSS.highlights;
  let hits = [];
  let current = -1;

  // the text of a document's original view, with the text nodes it came from
  const indexOf = new WeakMap();
  const textIndex = (doc) => {
    let index = indexOf.get(doc);
    if (index) return index;
    const walker = document.createTreeWalker(doc.querySelector(".orig"), NodeFilter.SHOW_TEXT);
    const nodes = [];
    const starts = [];
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const lower = node.data.toLowerCase();
      nodes.push(node);
      starts.push(text.length);
      text += lower.length === node.data.length ? lower : node.data;
    }
    index = { nodes, starts, text };
    indexOf.set(doc, index);
    return index;
  };
  const nodeAt = (index, offset) => {
    let lo = 0;
    let hi = index.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (index.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return [index.nodes[lo], offset - index.starts[lo]];
  };
  const MAX_HITS = 5000;

  const search = () => {
    const query = input.value.trim().toLowerCase();
    hits = [];
    current = -1;
    if (highlights) { CSS.highlights.delete("cleaner-hit"); CSS.highlights.delete("cleaner-now"); }
    if (query.length < 2) {
      docs.forEach((doc) => { doc.hidden = false; });
      matching = null;
      listed = rows;
      limit = PAGE;
      draw();
      found.value = "";
      return;
    }
    let matchingDocs = 0;
    const matched = new Set();
    for (const doc of docs) {
      const index = textIndex(doc);
      let at = index.text.indexOf(query);
      doc.hidden = at < 0;
      if (at < 0) continue;
      matchingDocs += 1;
      matched.add(doc.id);
      while (at >= 0 && hits.length < MAX_HITS) {
        const range = new Range();
        range.setStart(...nodeAt(index, at));
        range.setEnd(...nodeAt(index, at + query.length - 1));
        range.setEnd(range.endContainer, range.endOffset + 1);
        hits.push([doc, range]);
        at = index.text.indexOf(query, at + query.length);
      }
    }
    matching = (row) => matched.has(row[1]) || row[0].toLowerCase().includes(query)
      || row[2].toLowerCase().includes(query);
    listed = rows.filter(matching);
    limit = PAGE;
    draw();
    if (highlights && hits.length) CSS.highlights.set("cleaner-hit", new Highlight(...hits.map((hit) => hit[1])));
    const plus = hits.length >= MAX_HITS ? "+" : "";
    found.value = `${hits.length}${plus} match${hits.length === 1 ? "" : "es"} in ${matchingDocs} of ${docs.length} `
      + `documents shown in full; ${listed.length} row${listed.length === 1 ? "" : "s"} of the table`;
  };

  const go = (step) => {
    if (!hits.length) return;
    current = (current + step + hits.length) % hits.length;
    const [doc, range] = hits[current];
    const original = doc.querySelector('input[value="original"]');
    if (!original.checked) original.click();
    if (highlights) CSS.highlights.set("cleaner-now", new Highlight(range));
    range.startContainer.parentElement.scrollIntoView({ block: "center" });
    found.value = `${current + 1} of ${found.value.replace(/^\d+ of /, "")}`;
  };

  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 150); });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    clearTimeout(timer);
    if (!hits.length) search();
    go(event.shiftKey ? -1 : 1);
  });
  $(".next").addEventListener("click", () => go(1));
  $(".prev").addEventListener("click", () => go(-1));
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName ?? "");
    if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); }
  });
})();
