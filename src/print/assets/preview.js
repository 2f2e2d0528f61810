// Runs before Paged.js: picks the paper (A3, or A4 with ?size=a4) before Paged.js reads the
// stylesheets, marks the PDF renderer's copy (?offscreen, which screen.css hides on screen), and
// once the pages are laid out records their count (the PDF renderer waits for it) and adds the
// on-screen toolbar (hidden in print).
(function () {
  var query = new URLSearchParams(location.search);
  var size = query.get("size") === "a4" ? "a4" : "a3";
  var root = document.documentElement;
  if (query.has("offscreen")) root.dataset.offscreen = "";
  root.dataset.paper = size;
  var paper = document.getElementById("paper");
  paper.href = paper.href.replace(/paper-a3\.css$/, "paper-" + size + ".css");

  function link(label, href, current) {
    var anchor = document.createElement("a");
    anchor.textContent = label;
    anchor.href = href;
    if (current) anchor.setAttribute("aria-current", "true");
    return anchor;
  }

  function toolbar() {
    var bar = document.createElement("nav");
    bar.className = "print-toolbar";
    bar.setAttribute("aria-label", "印刷版");
    var here = location.pathname;
    var site = document.querySelector("link[rel=up]");
    bar.append(link("← " + site.title, site.getAttribute("href"), false), link("A3", here, size === "a3"), link("A4", here + "?size=a4", size === "a4"));
    // no PDF link when the build made none (`--no-pdf`, or no Chromium)
    var pdf = document.querySelector("link[rel=alternate][type='application/pdf']");
    if (pdf) bar.append(link(pdf.title, pdf.getAttribute("href"), false));
    var print = document.createElement("button");
    print.type = "button";
    print.textContent = "打印";
    print.addEventListener("click", function () { window.print(); });
    bar.append(print);
    document.body.prepend(bar);
  }

  // Where a page break falls inside a run of Latin letters or digits, Paged.js appends a hyphen
  // (U+2011) to the text itself. Chinese is not hyphenated, and the PDF must hold the source's
  // characters and nothing else, so the hyphen goes again once the page is laid out.
  function dropBreakHyphens() {
    Paged.registerHandlers(
      class extends Paged.Handler {
        afterPageLayout(page) {
          page.querySelectorAll(".pagedjs_hyphen").forEach(function (element) {
            var text = element.lastChild;
            if (text && text.nodeType === Node.TEXT_NODE && text.data.endsWith("\u2011")) text.data = text.data.slice(0, -1);
            element.classList.remove("pagedjs_hyphen");
          });
        }
      },
    );
  }

  // on a window narrower than the paper, the pages are scaled down to its width (screen.css)
  var PAPER_WIDTH_PX = { a3: (297 * 96) / 25.4, a4: (210 * 96) / 25.4 };
  function fitToWindow() {
    var room = document.documentElement.clientWidth - 16;
    root.style.setProperty("--fit", String(Math.min(1, room / PAPER_WIDTH_PX[size])));
  }

  // Paged.js forces a layout of the page to look for overflow once it has set maxChars characters
  // on it, and after every element from then on, 1,500 by default: a page of the body type holds
  // about 5,800 on A3 (six columns of ~13 characters, ~75 lines) and 2,700 on A4. Looking first
  // near a page's worth spares the growing page most of its layouts; where the page breaks is
  // still found by the overflow itself.
  var CHARS_BEFORE_LOOKING = { a3: 4500, a4: 2000 };

  window.PagedConfig = {
    auto: true,
    settings: { maxChars: CHARS_BEFORE_LOOKING[size] },
    before: dropBreakHyphens,
    after: function (flow) {
      root.dataset.pages = String(flow.total);
      toolbar();
      fitToWindow();
      window.addEventListener("resize", fitToWindow);
      root.dataset.laidOut = "true";
    },
  };
})();
