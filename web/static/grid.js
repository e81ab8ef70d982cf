// The yearly grid, keyboard-friendly like a spreadsheet: Enter moves down a
// column (Shift+Enter up) and Tab across a row; a cell's text is selected on
// entry so typing replaces it; a changed row is marked; leaving the page
// with changes not saved asks first. Without this script the grid still
// works: Enter then saves, as in any form.
(function () {
  "use strict";
  var table = document.querySelector("table.grid");
  if (!table) {
    return;
  }
  var form = table.closest("form");
  var dirty = false;

  function cellsOf(row) {
    return Array.prototype.slice.call(row.querySelectorAll(".cell"));
  }

  function rows() {
    return Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-row]"));
  }

  table.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || ev.altKey || ev.ctrlKey || ev.metaKey) {
      return;
    }
    var cell = ev.target.closest(".cell");
    if (!cell) {
      return;
    }
    ev.preventDefault();
    var row = cell.closest("tr");
    var col = cellsOf(row).indexOf(cell);
    var all = rows();
    var i = all.indexOf(row) + (ev.shiftKey ? -1 : 1);
    if (i < 0 || i >= all.length) {
      return;
    }
    var next = cellsOf(all[i])[col];
    if (next) {
      next.focus();
    }
  });

  // A keypress of Enter would still submit the form in some browsers (and
  // when sent on its own, as test drivers do) although its keydown moved on.
  table.addEventListener("keypress", function (ev) {
    if (ev.key === "Enter" && ev.target.closest(".cell")) {
      ev.preventDefault();
    }
  });

  table.addEventListener("focusin", function (ev) {
    if (ev.target.matches("input.cell")) {
      ev.target.select();
    }
  });

  function markRow(ev) {
    var row = ev.target.closest("tr[data-row]");
    if (row) {
      dirty = true;
      row.classList.add("row-changed");
    }
  }
  table.addEventListener("input", markRow);
  table.addEventListener("change", markRow);

  form.addEventListener("submit", function () {
    dirty = false;
  });
  window.addEventListener("beforeunload", function (ev) {
    if (dirty) {
      ev.preventDefault();
      ev.returnValue = "";
    }
  });
})();
