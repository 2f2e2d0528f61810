// The search page: Pagefind's default UI, in Chinese (it follows <html lang="zh-CN">), with filters
// by edition and author. A query in the address (?q=…, as the search box in every page's header
// sends it) is searched at once.
(function () {
  "use strict";
  var container = document.getElementById("search");
  if (!container || typeof PagefindUI === "undefined") return;

  // The index holds text with a space between words (src/site/segment.ts); take those spaces out
  // again where they sit between Chinese characters, so excerpts read as printed.
  // Same pattern as UNSPACE_PATTERN in src/site/segment.ts (a test keeps them equal).
  var UNSPACE = /(?<=\p{Script=Han}(?:<\/?mark>)?) (?=(?:<\/?mark>)?[\p{L}\p{N}])|(?<=[\p{L}\p{N}](?:<\/?mark>)?) (?=(?:<\/?mark>)?\p{Script=Han})/gu;
  // Pagefind joins a page's blocks with ". "; after Chinese punctuation that stop is noise.
  var BLOCK_STOP = /(?<=[\p{Script=Han}。！？；：，、”’」』）》])\. /gu;
  var tidy = function (text) {
    return typeof text === "string" ? text.replace(UNSPACE, "").replace(BLOCK_STOP, "　") : text;
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

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
