/*
 * Tables wider than the screen scroll inside Material's wrapper. A region
 * that scrolls must be reachable by keyboard: give each scrolling wrapper
 * a tab stop and a name (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
(function () {
  "use strict";
  var label = document.documentElement.lang === "ja" ? "表（横にスクロールできます）" : "Table (scrolls sideways)";
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label);
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();
