// Import: while an upload is checked or an import is written, say so and
// keep the button from being pressed twice. Without script the forms work
// the same, only without the note.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.busy-form");
  forms.forEach(function (form) {
    form.addEventListener("submit", function () {
      var note = form.querySelector(".busy-note");
      if (note) {
        note.textContent = form.getAttribute("data-busy");
      }
      form.classList.add("busy");
      form.setAttribute("aria-busy", "true");
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        b.disabled = true;
      });
    });
  });
  // Coming back with the browser's Back button shows the page as it was
  // left: ready again.
  window.addEventListener("pageshow", function () {
    forms.forEach(function (form) {
      form.classList.remove("busy");
      form.removeAttribute("aria-busy");
      var note = form.querySelector(".busy-note");
      if (note) {
        note.textContent = "";
      }
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        b.disabled = false;
      });
    });
  });
})();
