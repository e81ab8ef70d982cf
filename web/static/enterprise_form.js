// Enterprise form: offer only the units of the chosen province that exist
// while the enterprise is there (from the day it moved there, else the day
// it began operating, to the day it ceased, else today), and take the
// province from the unit chosen. The unit already chosen stays offered.
// Without script every unit is offered; the server refuses a unit of
// another province.
(function () {
  "use strict";
  var form = document.getElementById("enterprise-form");
  if (!form) {
    return;
  }
  var province = form.querySelector("#province");
  var area = form.querySelector("#area");
  if (!province || !area) {
    return;
  }
  var today = form.getAttribute("data-today") || "";

  // day reads a date as the form takes it: dd/mm/yyyy, yyyy-mm-dd or a
  // bare year (its first or last day), giving yyyy-mm-dd or "".
  function day(text, yearEnd) {
    var s = (text || "").trim();
    var m;
    if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
      return m[3] + "-" + pad(m[2]) + "-" + pad(m[1]);
    }
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
      return m[1] + "-" + pad(m[2]) + "-" + pad(m[3]);
    }
    if (/^\d{4}$/.test(s)) {
      return s + (yearEnd ? "-12-31" : "-01-01");
    }
    return "";
  }
  function pad(n) {
    return n.length < 2 ? "0" + n : n;
  }
  function value(id) {
    var el = form.querySelector("#" + id);
    return el ? el.value : "";
  }

  // The period the enterprise is at the area being chosen.
  function period() {
    var from = day(value("area_since"), false) || day(value("operating_since"), false);
    var until = day(value("ceased_on"), true) || today;
    return { from: from, until: until };
  }
  function overlaps(opt, p) {
    var from = opt.getAttribute("data-from") || "";
    var until = opt.getAttribute("data-until") || "";
    return !(until && p.from && until < p.from) && !(from && p.until && from > p.until);
  }

  // Every group and option as the server sent them.
  var groups = [];
  Array.prototype.forEach.call(area.children, function (el) {
    if (el.tagName === "OPTGROUP") {
      groups.push({ el: el, options: Array.prototype.slice.call(el.children) });
    }
  });
  var provinces = Array.prototype.slice.call(province.options);

  function filter() {
    var p = period();
    var chosen = area.value;
    var chosenProvince = province.value;
    provinces.forEach(function (opt) {
      var keep = opt.value === chosenProvince || overlaps(opt, p);
      if (keep && opt.parentNode !== province) {
        province.appendChild(opt);
      } else if (!keep && opt.parentNode === province) {
        province.removeChild(opt);
      }
    });
    provinces.forEach(function (opt) {
      if (opt.parentNode === province) {
        province.appendChild(opt); // keep the server's order
      }
    });
    groups.forEach(function (g) {
      g.options.forEach(function (opt) {
        var keep = opt.value === chosen ||
          (opt.getAttribute("data-province") === chosenProvince && overlaps(opt, p));
        if (keep) {
          g.el.appendChild(opt);
        } else if (opt.parentNode) {
          opt.parentNode.removeChild(opt);
        }
      });
      var empty = g.el.children.length === 0;
      if (empty && g.el.parentNode) {
        area.removeChild(g.el);
      } else if (!empty && !g.el.parentNode) {
        area.appendChild(g.el);
      }
    });
    groups.forEach(function (g) {
      if (g.el.parentNode) {
        area.appendChild(g.el);
      }
    });
    area.value = chosen;
  }

  area.addEventListener("change", function () {
    var opt = area.options[area.selectedIndex];
    var p = opt && opt.getAttribute("data-province");
    if (p && p !== province.value) {
      province.value = p;
    }
    filter();
  });
  province.addEventListener("change", function () {
    var opt = area.options[area.selectedIndex];
    if (opt && opt.getAttribute("data-province") && opt.getAttribute("data-province") !== province.value) {
      area.value = "";
    }
    filter();
  });
  ["area_since", "operating_since", "ceased_on"].forEach(function (id) {
    var el = form.querySelector("#" + id);
    if (el) {
      el.addEventListener("change", filter);
    }
  });
  filter();
})();
