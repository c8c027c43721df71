/*
 * Language switching that keeps the reader's place.
 *
 * 1. The language selector's links get the current provision as fragment:
 *    from /memorandum/#article-2-3 the English link is
 *    /en/memorandum/#article-2-3. With no fragment in the address, the
 *    provision at the top of the viewport is used.
 * 2. Material reads <link rel="alternate"> once, on DOMContentLoaded, and
 *    fetches "sitemap.xml" beside each alternate's URL. The site's hreflang
 *    links point at pages, where no sitemap lives, so each fetch would be
 *    a 404. They are set aside (rel="alternate" removed) while Material
 *    reads them, and restored right after: the HTML and the DOM keep them.
 *    This script runs after Material's bundle, so its DOMContentLoaded
 *    listener runs after Material's.
 */
(function () {
  "use strict";

  var hreflang = Array.prototype.slice.call(
    document.querySelectorAll('link[rel="alternate"][hreflang]'));
  hreflang.forEach(function (link) { link.removeAttribute("rel"); });
  document.addEventListener("DOMContentLoaded", function () {
    hreflang.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  }, { once: true });

  /* The fragment the reader followed: set on load and by every hashchange.
     The theme's navigation.tracking rewrites location.hash to the section
     heading with history.replaceState, which fires no hashchange, so
     location.hash alone may no longer name the provision the reader opened. */
  var followed = location.hash;

  var PROVISION = "#preamble, [id^='preamble-'], [id^='article-'], #signatures, [id^='signatory-'], [id^='term-'], [id^='instrument-']";

  /* The provision the reader is at: the fragment while its target is in
     view (the reader followed a link), else the first provision still
     showing below the sticky header: a fragment whose target has left
     the view is not the reader's place. */
  function currentPlace() {
    var header = document.querySelector(".md-header");
    var top = (header ? header.getBoundingClientRect().bottom : 0) + 8;
    if (followed.length > 1) {
      var target = document.getElementById(decodeURIComponent(followed.slice(1)));
      if (!target) return followed;
      var box = target.getBoundingClientRect();
      if (box.bottom > top && box.top < window.innerHeight) return followed;
    }
    if (window.scrollY <= 0) return "";
    var nodes = document.querySelectorAll(PROVISION);
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getBoundingClientRect().bottom > top) return "#" + nodes[i].id;
    }
    return "";
  }

  function carry(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    url.hash = currentPlace();
    link.setAttribute("href", url.pathname + url.search + url.hash);
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element
      ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (link) carry(link);
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.matches("a.md-select__link[hreflang]")) {
      carry(event.target);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(carry);
  });
  window.addEventListener("hashchange", function () {
    followed = location.hash;
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(carry);
  });
})();
