// docket site search: filters the index table by status, tag and the words typed, using the
// index docket built (search-index.js). No network requests, no third-party code.
(function () {
  "use strict";
  var table = document.getElementById("records");
  if (!table) { return; }
  var entries = {};
  (window.DOCKET_SEARCH || []).forEach(function (e) { entries[e.slug] = e; });
  var search = document.getElementById("search");
  var status = document.getElementById("filter-status");
  var tag = document.getElementById("filter-tag");
  var count = document.getElementById("count");
  var none = document.getElementById("no-match");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function matches(row, words) {
    if (status && status.value && row.dataset.status !== status.value) { return false; }
    if (tag && tag.value && row.dataset.tags.split("|").indexOf(tag.value) < 0) { return false; }
    if (!words.length) { return true; }
    var entry = entries[row.dataset.slug];
    var text = entry ? entry.text : row.textContent.toLowerCase();
    return words.every(function (w) { return text.indexOf(w) >= 0; });
  }

  function update() {
    var words = (search ? search.value : "").toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, words);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = shown + " of " + rows.length + " records"; }
    if (none) { none.hidden = shown > 0; }
  }

  [search, status, tag].forEach(function (el) {
    if (el) { el.addEventListener("input", update); el.addEventListener("change", update); }
  });
  var params = new URLSearchParams(window.location.search);
  if (search && params.get("q")) { search.value = params.get("q"); }
  update();
})();
