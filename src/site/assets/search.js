// The search page: Pagefind's index and search engine, with the site's own results list, in which
// every string from the index (titles, publications, dates, pages, filter values, excerpts) is
// written as text, never as HTML. A result must hold every word of the query (as the browser's
// segmenter splits it, the way Pagefind splits it): Pagefind drops words its index does not know
// and matches others loosely, so each result's text is checked before it is shown.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("#search-query");
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var more = root.querySelector(".search-more");
  var selects = root.querySelectorAll("select[data-filter]");
  var BATCH = 10;

  // The index holds text with a space at each word boundary (src/site/segment.ts); take those
  // spaces out again in excerpts, and turn the "." Pagefind puts after each block into a wide
  // space. Same patterns as BLOCK_STOP_PATTERN and UNSPACE_PATTERN there (a test keeps them equal).
  var BLOCK_STOP = /(?<=[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF])\.(<\/mark>)? /gu;
  var UNSPACE = /(?<=[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF](?:<\/?mark>)?) | (?=(?:<\/?mark>)?[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF])/gu;
  var tidy = function (excerpt) {
    return excerpt.replace(BLOCK_STOP, "$1\u3000").replace(UNSPACE, "");
  };

  // A page's text reaches the index escaped once more than it is shown (segment.ts): undo that here.
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  var decode = function (text) {
    return String(text).replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/giu, function (whole, dec, hex, name) {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
    });
  };
  var squash = function (text) {
    return text.replace(/\s+/gu, "").toLowerCase();
  };

  var segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });
  /**
   * What each result must hold: phrases in quotes whole, other words as the segmenter finds them,
   * except that characters it leaves on their own next to each other are one word (廉|政 is 廉政,
   * 罗|鸣 a name), as a reader who typed them together meant.
   */
  var needlesOf = function (query) {
    var needles = [];
    var rest = query.replace(/["“”]([^"“”]*)["“”]/gu, function (whole, phrase) {
      if (squash(phrase)) needles.push(squash(phrase));
      return " ";
    });
    rest.split(/\s+/u).forEach(function (term) {
      var single = "";
      Array.from(segmenter.segment(term)).forEach(function (part) {
        var lone = part.isWordLike && Array.from(part.segment).length === 1;
        if (lone) single += part.segment;
        if (!lone && single) {
          needles.push(squash(single));
          single = "";
        }
        if (part.isWordLike && !lone) needles.push(squash(part.segment));
      });
      if (single) needles.push(squash(single));
    });
    return needles;
  };

  var element = function (name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /**
   * An excerpt of the story around the first word sought, every word sought marked: made here from
   * the page's text rather than taken from Pagefind, which marks its looser matches too.
   */
  var EXCERPT_BEFORE = 30;
  var EXCERPT_LENGTH = 100;
  var excerptNode = function (content, needles) {
    var text = decode(tidy(String(content)));
    var lower = text.toLowerCase();
    var first = needles.reduce(function (best, needle) {
      var at = lower.indexOf(needle);
      return at !== -1 && (best === -1 || at < best) ? at : best;
    }, -1);
    var start = Math.max(0, first - EXCERPT_BEFORE);
    var window = text.slice(start, start + EXCERPT_LENGTH);
    var paragraph = element("p", "search-result-excerpt");
    if (start > 0) paragraph.appendChild(document.createTextNode("…"));
    var at = 0;
    var windowLower = window.toLowerCase();
    while (at < window.length) {
      var next = -1;
      var length = 0;
      needles.forEach(function (needle) {
        var found = windowLower.indexOf(needle, at);
        if (found !== -1 && (next === -1 || found < next)) {
          next = found;
          length = needle.length;
        }
      });
      if (next === -1) next = window.length;
      if (next > at) paragraph.appendChild(document.createTextNode(window.slice(at, next)));
      if (length > 0 && next < window.length) paragraph.appendChild(element("mark", "", window.slice(next, next + length)));
      at = next + Math.max(length, 0);
      if (length === 0) break;
    }
    if (start + EXCERPT_LENGTH < text.length) paragraph.appendChild(document.createTextNode("…"));
    return paragraph;
  };

  var resultNode = function (data, needles) {
    var item = element("li", "search-result");
    var meta = data.meta || {};
    // metadata and filters come from attributes, which Pagefind keeps as the text they hold
    item.appendChild(element("p", "search-result-dateline", [meta.publication, meta.date, meta.page].filter(Boolean).join(" · ")));
    var heading = element("h2", "search-result-title");
    var link = element("a", "", meta.title || data.url);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(excerptNode(data.content || "", needles));
    return item;
  };

  var pagefind;
  var engine = function () {
    if (!pagefind) {
      var bundle = root.dataset.bundlePath;
      var baseUrl = root.dataset.baseUrl;
      // the index comes in shards (src/site/search.ts): the first is loaded, the others merged in
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        return module
          .options({ baseUrl: baseUrl })
          .then(function () {
            return fetch(bundle + "shards.json").then(function (response) {
              return response.ok ? response.json() : [];
            });
          })
          .then(function (shards) {
            return Promise.all(shards.map(function (shard) {
              return module.mergeIndex(bundle + shard, { baseUrl: baseUrl });
            }));
          })
          .then(function () {
            return module;
          });
      });
    }
    return pagefind;
  };

  var filters = function () {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.dataset.filter] = select.value;
    });
    return chosen;
  };

  var showFilters = function () {
    engine()
      .then(function (module) {
        return module.filters();
      })
      .then(function (available) {
        selects.forEach(function (select) {
          Object.keys(available[select.dataset.filter] || {})
            .sort(new Intl.Collator("zh-CN").compare)
            .forEach(function (value) {
              select.appendChild(new Option(value, value));
            });
        });
        root.querySelector(".search-filters").hidden = false;
      });
  };

  var run = 0;
  var search = function (query) {
    var mine = ++run;
    var needles = needlesOf(query);
    var chosen = filters();
    list.textContent = "";
    more.hidden = true;
    if (needles.length === 0 && Object.keys(chosen).length === 0) {
      status.textContent = "";
      return;
    }
    status.textContent = "正在搜索…";
    var words = needles.join("、");
    engine()
      .then(function (module) {
        return module.search(needles.length > 0 ? query : null, { filters: chosen });
      })
      .then(function (found) {
        var pending = found ? found.results.slice() : [];
        var shown = 0;
        var report = function (finished) {
          if (shown === 0 && finished) status.textContent = words ? "没有文章同时含有：" + words : "没有符合条件的文章";
          else status.textContent = (finished ? "共 " : "已显示 ") + shown + " 篇" + (words ? "含有：" + words : "") + (finished ? "" : "，还有更多");
        };
        /** Check results a batch at a time until a batch more hold every word, or none is left. */
        var next = function () {
          more.hidden = true;
          var goal = shown + BATCH;
          var step = function () {
            var batch = pending.splice(0, BATCH);
            return Promise.all(batch.map(function (result) {
              return result.data();
            })).then(function (data) {
              if (mine !== run) return undefined;
              data.forEach(function (page) {
                var text = squash(decode(page.content || ""));
                var holdsAll = needles.every(function (needle) {
                  return text.indexOf(needle) !== -1;
                });
                if (holdsAll) {
                  list.appendChild(resultNode(page, needles));
                  shown += 1;
                }
              });
              if (shown < goal && pending.length > 0) return step();
              more.hidden = pending.length === 0;
              report(pending.length === 0);
              return undefined;
            });
          };
          return step();
        };
        more.onclick = next;
        return next();
      })
      .catch(function () {
        if (mine === run) status.textContent = "搜索出错，请稍后再试。";
      });
  };

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    history.replaceState(null, "", params.toString() ? "?" + params : window.location.pathname);
    search(input.value);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", function () {
      search(input.value);
    });
  });

  showFilters();
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    search(query);
  } else input.focus();
})();
