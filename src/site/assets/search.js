// The search page: Pagefind's default UI, in Chinese (it follows <html lang="zh-CN">), with filters
// by edition and author. A query in the address (?q=…, as the search box in every page's header
// sends it) is searched at once.
(function () {
  "use strict";
  var container = document.getElementById("search");
  if (!container || typeof PagefindUI === "undefined") return;

  // The index holds text with a space at each word boundary (src/site/segment.ts); take those
  // spaces out again in excerpts, and turn the "." Pagefind puts after each block into a wide
  // space. Same patterns as BLOCK_STOP_PATTERN and UNSPACE_PATTERN there (a test keeps them equal).
  var BLOCK_STOP = /(?<=[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF])\.(<\/mark>)? /gu;
  var UNSPACE = /(?<=[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF](?:<\/?mark>)?) | (?=(?:<\/?mark>)?[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF])/gu;
  var tidy = function (excerpt) {
    return typeof excerpt === "string" ? excerpt.replace(BLOCK_STOP, "$1\u3000").replace(UNSPACE, "") : excerpt;
  };

  var ui = new PagefindUI({
    element: "#search",
    bundlePath: container.dataset.bundlePath,
    baseUrl: container.dataset.baseUrl,
    showImages: false,
    showSubResults: false,
    autofocus: true,
    processResult: function (result) {
      result.excerpt = tidy(result.excerpt);
      return result;
    },
  });

  // Pagefind's box has a placeholder but no label of its own: give it a visible one.
  var input = container.querySelector("input");
  if (input) {
    input.id = "search-query";
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = "搜索词";
    container.parentNode.insertBefore(label, container);
  }

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
