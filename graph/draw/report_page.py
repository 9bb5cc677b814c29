"""The frame, style and search script of the dossier (:mod:`graph.draw.report`).

The script only hides and shows records: it reads text with ``textContent`` and
writes nothing but ``hidden`` flags and a count.

>>> "innerHTML" in SCRIPT, "@media print" in STYLE
(False, True)
"""

from __future__ import annotations

__all__ = ["PAGE", "SCRIPT", "STYLE"]

STYLE = """
body { font-family: Georgia, serif; max-width: 60em; margin: 1em auto; padding: 0 1em;
       color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.5em; } h2 { border-bottom: 2px solid #0072B2; margin-top: 2em; }
h3 small { font-weight: normal; color: #666; font-size: 0.7em; }
nav { position: sticky; top: 0; background: #fff; padding: 6px 0; border-bottom: 1px solid #ddd;
      font-family: sans-serif; font-size: 13px; z-index: 1; }
nav ul { display: inline; padding: 0; } nav li { display: inline; margin-right: 1em; }
#q { width: 18em; } #count { color: #555; margin-left: 1em; }
.record { border-left: 4px solid #E69F00; padding: 0.2em 0 0.2em 1em; margin: 1.2em 0; }
.record.position { border-color: #009E73; } .record.proposal { border-color: #D55E00; }
.record.meeting { border-color: #CC79A7; } .record.tension { border-color: #000; }
.record.history { border-color: #56B4E9; }
table { border-collapse: collapse; font-family: sans-serif; font-size: 13px; }
th { text-align: left; padding-right: 1em; color: #444; vertical-align: top; }
table.rows td, table.rows th { border-bottom: 1px solid #eee; padding: 2px 6px; }
.claim { margin: 0.6em 0 0.6em 1em; }
.who { font-family: sans-serif; font-size: 13px; margin: 0.2em 0; }
.chain, .where { color: #555; font-size: 12px; font-family: sans-serif; }
blockquote.text { margin: 0.2em 0; padding: 0.4em 0.8em; background: #f7f7f7;
                  white-space: pre-wrap; font-size: 14px; }
mark { background: #ffe08a; padding: 0 1px; }
.none { color: #777; font-style: italic; }
@media print {
  nav { display: none; } body { max-width: none; font-size: 11pt; }
  .record { break-inside: avoid; } a { color: inherit; text-decoration: none; }
  mark { background: none; border-bottom: 2px solid #000; font-weight: bold; }
}
"""

SCRIPT = """
(function () {
  var box = document.getElementById("q");
  var records = Array.prototype.slice.call(document.querySelectorAll(".record"));
  function apply() {
    var q = box.value.trim().toLowerCase();
    var shown = 0;
    records.forEach(function (r) {
      var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) { shown += 1; }
    });
    document.body.dataset.visible = String(shown);
    document.getElementById("count").textContent = shown + " of " + records.length +
      " records shown";
  }
  box.addEventListener("input", apply);
  var hash = window.location.hash.match(/^#q=(.*)$/);
  if (hash) { box.value = decodeURIComponent(hash[1]); }
  apply();
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<h1>{title}</h1>
<nav><label>search <input type="search" id="q" placeholder="name, quote, topic..."></label>
<span id="count"></span> · <ul>{toc}</ul></nav>
{intro}
{body}
<script>{script}</script>
</body>
</html>
"""
"""The frame; ``str.format`` fields are escaped text and markup built from escaped text."""
