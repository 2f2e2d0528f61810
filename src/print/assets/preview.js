// Runs before Paged.js: picks the paper (A3, or A4 with ?size=a4) before Paged.js reads the
// stylesheets, and once the pages are laid out records their count (the PDF renderer waits for it)
// and adds the on-screen toolbar (hidden in print).
(function () {
  var size = new URLSearchParams(location.search).get("size") === "a4" ? "a4" : "a3";
  var root = document.documentElement;
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
    bar.append(link("A3", here, size === "a3"), link("A4", here + "?size=a4", size === "a4"), link("PDF (A3)", root.dataset.pdf, false));
    var print = document.createElement("button");
    print.type = "button";
    print.textContent = "打印";
    print.addEventListener("click", function () { window.print(); });
    bar.append(print);
    document.body.prepend(bar);
  }

  window.PagedConfig = {
    auto: true,
    after: function (flow) {
      root.dataset.pages = String(flow.total);
      toolbar();
      root.dataset.laidOut = "true";
    },
  };
})();
