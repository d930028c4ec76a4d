// docket site index: filters the records table by status, series, tag, platform and the words
// typed (using the index docket built, search-index.js), and sorts it by a column header's
// button. No network requests, no third-party code.
(function () {
  "use strict";
  var table = document.getElementById("records");
  if (!table) { return; }
  var entries = {};
  (window.DOCKET_SEARCH || []).forEach(function (e) { entries[e.slug] = e; });
  var search = document.getElementById("search");
  var count = document.getElementById("count");
  var none = document.getElementById("no-match");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var siteOrder = rows.slice();
  // Each filter: its select and the row data attribute it reads ("|"-separated when a list).
  var filters = [
    { el: document.getElementById("filter-status"), attr: "status", list: false },
    { el: document.getElementById("filter-series"), attr: "series", list: false },
    { el: document.getElementById("filter-tag"), attr: "tags", list: true },
    { el: document.getElementById("filter-platform"), attr: "platforms", list: true }
  ].filter(function (f) { return f.el; });

  function matches(row, words) {
    var ok = filters.every(function (f) {
      var want = f.el.value;
      if (!want) { return true; }
      var have = row.dataset[f.attr] || "";
      return f.list ? have.split("|").indexOf(want) >= 0 : have === want;
    });
    if (!ok) { return false; }
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

  // Sorting: statuses in the lifecycle order the status filter lists them; ids and titles
  // with numbers compared as numbers; rows without a value last either way.
  var statusSelect = document.getElementById("filter-status");
  var statusRank = {};
  if (statusSelect) {
    Array.prototype.forEach.call(statusSelect.options, function (o, i) { statusRank[o.value] = i; });
  }
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var keys = {
    id: function (row) { return row.dataset.id; },
    title: function (row) { return row.dataset.title; },
    status: function (row) { return statusRank[row.dataset.status]; },
    date: function (row) { return row.dataset.date; },
    chosen: function (row) { return row.dataset.chosen; }
  };
  function compare(key, a, b) {
    var x = keys[key](a), y = keys[key](b);
    if (typeof x === "number" && typeof y === "number") { return x - y; }
    return collator.compare(String(x), String(y));
  }
  function sortBy(th) {
    var key = th.dataset.sort;
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      if (cell.dataset.sort) { cell.setAttribute("aria-sort", "none"); }
    });
    th.setAttribute("aria-sort", dir);
    var sign = dir === "ascending" ? 1 : -1;
    var ordered = siteOrder.slice().sort(function (a, b) {
      var emptyA = !keys[key](a) && keys[key](a) !== 0;
      var emptyB = !keys[key](b) && keys[key](b) !== 0;
      if (emptyA !== emptyB) { return emptyA ? 1 : -1; }
      return sign * compare(key, a, b) || siteOrder.indexOf(a) - siteOrder.indexOf(b);
    });
    ordered.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(table.querySelectorAll("th[data-sort] button"), function (button) {
    button.addEventListener("click", function () { sortBy(button.parentNode); });
  });

  filters.map(function (f) { return f.el; }).concat([search]).forEach(function (el) {
    if (el) { el.addEventListener("input", update); el.addEventListener("change", update); }
  });
  var params = new URLSearchParams(window.location.search);
  if (search && params.get("q")) { search.value = params.get("q"); }
  update();
})();
