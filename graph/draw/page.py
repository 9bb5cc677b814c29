"""The script, style and frame of the interactive page (:mod:`graph.draw.html`).

Kept apart from the Python that fills them. The script reads the graph from a JSON
block, never from markup, builds every card and legend entry with ``textContent``,
and filters in the browser, offline: a search box, and selects for actor, topic,
modality, status and source, and a date range. Statements start folded into the
records they claim; a click on a record unfolds (or folds) its statements. The URL
fragment ``#q=words`` fills the search box on load, so a link can carry a search.

>>> "textContent" in SCRIPT and "innerHTML" not in SCRIPT
True
"""

from __future__ import annotations

__all__ = ["PAGE", "SCRIPT", "STYLE"]

STYLE = """
body { font-family: sans-serif; margin: 0; color: #222; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 13px; }
header h1 { font-size: 16px; margin: 2px 0 4px; }
#filters { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center;
           font-size: 12px; margin: 4px 0; }
#filters label { display: inline-flex; gap: 4px; align-items: center; }
#filters input[type=search] { width: 16em; }
#filters .pick { max-width: 15em; }
#legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 11.5px; margin: 4px 0; }
#legend span { display: inline-flex; gap: 4px; align-items: center; }
#count { font-size: 12px; color: #444; }
#graph { width: 100%; height: 780px; }
.card { max-width: 440px; white-space: normal; font-size: 12px; line-height: 1.35; }
#node-list { display: none; }
"""

SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  function card(lines) {
    var box = document.createElement("div");
    box.className = "card";
    lines.forEach(function (pair) {
      var row = document.createElement("div");
      var head = document.createElement("b");
      head.textContent = pair[0] + ": ";
      row.appendChild(head);
      row.appendChild(document.createTextNode(pair[1]));
      box.appendChild(row);
    });
    return box;
  }
  var list = document.getElementById("node-list");
  data.nodes.forEach(function (n) {
    n.title = card(n.details);
    var item = document.createElement("li");
    item.textContent = n.label.split("\\n").join(" ");
    item.dataset.node = n.id;
    list.appendChild(item);
  });
  var legend = document.getElementById("legend");
  data.legend.forEach(function (entry) {
    var span = document.createElement("span");
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "26"); svg.setAttribute("height", "14");
    var el = document.createElementNS(ns, entry.line ? "line" : entry.shape);
    Object.keys(entry.attrs).forEach(function (k) { el.setAttribute(k, entry.attrs[k]); });
    svg.appendChild(el);
    span.appendChild(svg);
    span.appendChild(document.createTextNode(entry.words));
    legend.appendChild(span);
  });
  function fill(id, values) {
    var sel = document.getElementById(id);
    values.forEach(function (v) {
      var opt = document.createElement("option");
      opt.value = v[0]; opt.textContent = v[1];
      sel.appendChild(opt);
    });
  }
  ["actor", "topic", "modality", "status", "source"].forEach(function (f) {
    fill("f-" + f, data.choices[f]);
  });
  var open = {};
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, {hidden: n.folded});
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return Object.assign({id: i}, e, {hidden: byId[e.from].folded || byId[e.to].folded});
  }));
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, {
    nodes: {font: {size: 16}, widthConstraint: {maximum: 190},
            scaling: {label: {drawThreshold: 3}}},
    edges: {font: {size: 9, color: "#777777", strokeWidth: 0}, smooth: false},
    physics: false, layout: {randomSeed: 7, improvedLayout: false},
    interaction: {hover: true, tooltipDelay: 120}
  });
  function value(id) { return document.getElementById(id).value; }
  function passes(n) {
    var q = value("f-q").trim().toLowerCase();
    if (q && n.search.indexOf(q) < 0) { return false; }
    if (!n.record) { return true; }
    var f = n.facets;
    var checks = [["actor", f.actors], ["topic", f.topics], ["source", f.sources]];
    for (var i = 0; i < checks.length; i++) {
      var want = value("f-" + checks[i][0]);
      if (want && checks[i][1].indexOf(want) < 0) { return false; }
    }
    if (value("f-modality") && f.modality !== value("f-modality")) { return false; }
    if (value("f-status") && f.status !== value("f-status")) { return false; }
    var from = value("f-from"), to = value("f-to");
    if (from && (!f.last || f.last < from)) { return false; }
    if (to && (!f.first || f.first > to)) { return false; }
    return true;
  }
  function apply() {
    var active = ["f-q", "f-actor", "f-topic", "f-modality", "f-status", "f-source", "f-from",
                  "f-to"].some(function (id) { return value(id) !== ""; });
    var keep = {};
    data.nodes.forEach(function (n) {
      if (n.record && passes(n)) { keep[n.id] = true; }
    });
    if (value("f-q")) {
      data.nodes.forEach(function (n) { if (!n.record && passes(n)) { keep[n.id] = true; } });
    }
    data.edges.forEach(function (e) {  // the ends of what is kept stay, to read it
      var a = byId[e.from], b = byId[e.to];
      if (keep[e.from] && a.record && !b.record) { keep[e.to] = true; }
      if (keep[e.to] && b.record && !a.record) { keep[e.from] = true; }
    });
    var shown = 0;
    nodes.update(data.nodes.map(function (n) {
      var unfolded = n.owners.some(function (o) { return open[o]; });
      var visible = (!active || keep[n.id]) && (!n.folded || unfolded);
      if (visible) { shown += 1; }
      return {id: n.id, hidden: !visible};
    }));
    edges.update(data.edges.map(function (e, i) {
      return {id: i, hidden: nodes.get(e.from).hidden || nodes.get(e.to).hidden};
    }));
    document.body.dataset.visible = String(shown);
    if (typeof network !== "undefined") { network.fit(); }
    document.getElementById("count").textContent = shown + " of " + data.nodes.length +
      " nodes shown" + (active ? " (filtered)" : "") + "; click a record to unfold its statements";
  }
  network.on("click", function (params) {
    if (params.nodes.length !== 1) { return; }
    var id = params.nodes[0];
    if (!byId[id].record) { return; }
    open[id] = !open[id];
    apply();
  });
  ["f-q", "f-actor", "f-topic", "f-modality", "f-status", "f-source", "f-from", "f-to"]
    .forEach(function (id) {
      document.getElementById(id).addEventListener("input", apply);
      document.getElementById(id).addEventListener("change", apply);
    });
  document.getElementById("f-reset").addEventListener("click", function () {
    ["f-q", "f-actor", "f-topic", "f-modality", "f-status", "f-source", "f-from", "f-to"]
      .forEach(function (id) { document.getElementById(id).value = ""; });
    open = {};
    apply();
  });
  var hash = window.location.hash.match(/^#q=(.*)$/);
  if (hash) { document.getElementById("f-q").value = decodeURIComponent(hash[1]); }
  apply();
  network.fit();
  network.on("afterDrawing", function () {
    document.body.dataset.rendered = String(network.body.nodeIndices.length);
  });
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}</style>
<style>{style}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<div id="filters">
<label>search <input type="search" id="f-q" placeholder="name, quote, topic..."></label>
<label>actor <select class="pick" id="f-actor"><option value="">any</option></select></label>
<label>topic <select class="pick" id="f-topic"><option value="">any</option></select></label>
<label>modality <select class="pick" id="f-modality"><option value="">any</option></select></label>
<label>status <select class="pick" id="f-status"><option value="">any</option></select></label>
<label>source <select class="pick" id="f-source"><option value="">any</option></select></label>
<label>said from <input type="date" id="f-from"></label>
<label>to <input type="date" id="f-to"></label>
<button type="button" id="f-reset">clear</button>
<span id="count"></span>
</div>
<div id="legend"></div>
</header>
<div id="graph"></div>
<ul id="node-list" aria-label="nodes"></ul>
<script type="application/json" id="graph-data">{data}</script>
<script>{js}</script>
<script>{script}</script>
</body>
</html>
"""
"""The frame; ``str.format`` fields are escaped text or escaped JSON only."""
