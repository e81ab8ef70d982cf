// Plan form: a button in each group of the territory ticks or clears all
// of its units, and the group's count follows the boxes ticked. Without
// script each unit is ticked by hand.
(function () {
  "use strict";
  var set = document.getElementById("territory");
  if (!set) {
    return;
  }
  var countText = set.getAttribute("data-count") || "%d/%d";

  function boxes(group) {
    return group.querySelectorAll('input[type="checkbox"][name="territory"]');
  }

  function recount(group) {
    var all = boxes(group);
    var ticked = 0;
    for (var i = 0; i < all.length; i++) {
      if (all[i].checked) {
        ticked++;
      }
    }
    var out = group.querySelector("[data-count]");
    if (out) {
      out.textContent = countText.replace("%d", String(ticked)).replace("%d", String(all.length));
    }
  }

  function button(label, checked, group) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "small";
    b.textContent = label;
    b.addEventListener("click", function () {
      var all = boxes(group);
      for (var i = 0; i < all.length; i++) {
        all[i].checked = checked;
      }
      recount(group);
    });
    return b;
  }

  var groups = set.querySelectorAll("details.territory-group");
  for (var i = 0; i < groups.length; i++) {
    var group = groups[i];
    var bar = document.createElement("p");
    bar.className = "group-actions";
    bar.appendChild(button(set.getAttribute("data-all") || "+", true, group));
    bar.appendChild(button(set.getAttribute("data-none") || "-", false, group));
    group.insertBefore(bar, group.querySelector(".check-grid"));
    group.addEventListener("change", recount.bind(null, group));
  }
})();
