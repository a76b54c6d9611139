"use strict";
(function () {
  var root = document.documentElement;
  var note = document.getElementById("note");
  var multi = document.body.classList.contains("multi");
  root.classList.add("js");

  // A click on marked text shows the notes of every finding covering that spot, copied from the panel.
  function showNote(mark) {
    var ids = [];
    for (var node = mark; node && node.matches && node.matches("mark[data-finding]"); node = node.parentElement) {
      if (ids.indexOf(node.dataset.finding) < 0) ids.push(node.dataset.finding);
    }
    var entries = [];
    ids.forEach(function (id) {
      var entry = document.getElementById(id);
      if (entry) entries.push(entry.cloneNode(true));
    });
    entries.forEach(function (entry) { entry.removeAttribute("id"); });
    note.replaceChildren.apply(note, entries);
    var box = mark.getBoundingClientRect();
    note.hidden = false;
    note.style.top = (window.scrollY + box.bottom + 6) + "px";
    note.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - note.offsetWidth - 8)) + "px";
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    mark.classList.add("active");
    var first = document.getElementById(ids[0]);
    if (first) {
      first.classList.add("active");
      first.scrollIntoView({block: "nearest"});
    }
  }

  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-finding]");
    if (mark) {
      event.preventDefault();
      showNote(mark);
      return;
    }
    if (!event.target.closest("#note")) note.hidden = true;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") note.hidden = true;
  });

  // Filters hide the marks and the panel entries of a severity or a family, in one document.
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var view = box.closest(".doc-view");
      view.classList.toggle("hide-" + box.dataset.filter + "-" + box.value, !box.checked);
    });
  });

  // Several documents: the dashboard, or the one document a link leads into.
  function route() {
    if (!multi) return;
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var view = target ? target.closest(".doc-view") : null;
    document.querySelectorAll(".doc-view.shown").forEach(function (el) { el.classList.remove("shown"); });
    var dashboard = document.getElementById("dashboard");
    note.hidden = true;
    if (view) {
      view.classList.add("shown");
      dashboard.classList.add("hidden");
      if (target !== view) target.scrollIntoView();
      else window.scrollTo(0, 0);
    } else {
      dashboard.classList.remove("hidden");
    }
  }
  window.addEventListener("hashchange", route);
  route();

  // The dashboard sorts by any column; a second click reverses.
  document.querySelectorAll("table.sortable th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var table = th.closest("table");
      var body = table.tBodies[0];
      var numeric = th.dataset.type === "num";
      var ascending = !th.classList.contains("sorted-asc");
      table.querySelectorAll("th").forEach(function (other) { other.classList.remove("sorted-asc", "sorted-desc"); });
      th.classList.add(ascending ? "sorted-asc" : "sorted-desc");
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[column];
        var value = cell ? cell.dataset.sort || "" : "";
        return numeric ? parseFloat(value) || 0 : value;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = numeric ? x - y : String(x).localeCompare(String(y), "zh");
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  document.querySelectorAll("table.sortable tbody tr[data-view]").forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (!event.target.closest("a")) location.hash = row.dataset.view;
    });
  });
})();
