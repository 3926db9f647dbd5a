/* The workbook's site script. Everything it adds is an extra: quizzes, answers, text
   descriptions and glossary links all work with scripts off.
   - draws figures from their inert JSON blocks with the one shared copy of plotly.js, each
     as it comes near the screen;
   - shows a glossary term's plain-words definition on hover and on keyboard focus;
   - lets readers sort and filter data tables;
   - remembers, in this browser only, which quiz questions were answered correctly. */
(function () {
  "use strict";

  var PROGRESS_KEY = "twitchbook-progress";
  var data = window.TWITCHBOOK || { glossary: {}, lessons: {} };

  /* Figures are drawn when they come near the screen, not all at page load: drawing every
     figure of a long lesson at once held the load event back by about half a second. */
  function drawFigure(block) {
    var target = document.getElementById(block.dataset.target);
    if (!target) return Promise.resolve();
    if (target.dataset.drawn) return Promise.resolve();
    if (target.tbDrawing) return target.tbDrawing;
    var figure = JSON.parse(block.textContent);
    var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
    target.tbDrawing = window.Plotly.newPlot(target, figure.data, figure.layout, config).then(
      function () {
        // Plotly's own SVG is decoration for screen readers: the figure's name and text
        // description are on the container.
        target.querySelectorAll("svg").forEach(function (svg) {
          svg.setAttribute("aria-hidden", "true");
        });
        target.dataset.drawn = "true";
        performance.mark("twitchbook:figure-drawn");
      }
    );
    return target.tbDrawing;
  }

  function figureBlocks() {
    return Array.prototype.slice.call(document.querySelectorAll("script.tb-plot-data"));
  }

  /* Every figure at once, for printing and for checks that need them all. */
  function drawAllFigures() {
    if (!window.Plotly) return Promise.resolve();
    return Promise.all(figureBlocks().map(drawFigure));
  }

  function drawFiguresNearTheScreen() {
    if (!window.Plotly) return;
    if (!("IntersectionObserver" in window)) {
      drawAllFigures();
      return;
    }
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          observer.unobserve(entry.target);
          drawFigure(entry.target.tbBlock);
        });
      },
      { rootMargin: "400px 0px" }
    );
    figureBlocks().forEach(function (block) {
      var target = document.getElementById(block.dataset.target);
      if (!target) return;
      target.tbBlock = block;
      observer.observe(target);
    });
  }

  /* Glossary: a definition bubble tied to the link by aria-describedby. */
  function glossaryTips() {
    var count = 0;
    document.querySelectorAll('a[href*="glossary.html#term-"]').forEach(function (link) {
      var id = link.getAttribute("href").split("#term-")[1];
      var entry = data.glossary[id];
      if (!entry || link.closest(".tb-glossary")) return;
      count += 1;
      var tip = document.createElement("span");
      tip.className = "tb-tip";
      tip.id = "tb-tip-" + count;
      tip.setAttribute("role", "tooltip");
      tip.textContent = entry.term + ": " + entry.plain;
      link.classList.add("tb-term");
      link.setAttribute("aria-describedby", tip.id);
      link.insertAdjacentElement("afterend", tip);
      var wrap = document.createElement("span");
      wrap.className = "tb-term-wrap";
      link.parentNode.insertBefore(wrap, link);
      wrap.appendChild(link);
      wrap.appendChild(tip);
      link.addEventListener("keydown", function (event) {
        if (event.key === "Escape") wrap.classList.add("tb-tip-dismissed");
      });
      link.addEventListener("blur", function () { wrap.classList.remove("tb-tip-dismissed"); });
    });
  }

  /* Tables: a filter box and sortable columns. */
  function tables() {
    document.querySelectorAll(".tb-table").forEach(function (box, index) {
      var table = box.querySelector("table");
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "search";
      input.id = "tb-filter-" + index;
      label.htmlFor = input.id;
      label.textContent = "Filter rows: ";
      label.className = "tb-filter";
      label.appendChild(input);
      var status = document.createElement("span");
      status.className = "tb-filter-status";
      status.setAttribute("aria-live", "polite");
      label.appendChild(status);
      box.insertBefore(label, table);
      input.addEventListener("input", function () {
        var words = input.value.toLowerCase().trim();
        var shown = 0;
        rows.forEach(function (row) {
          var match = !words || row.textContent.toLowerCase().indexOf(words) !== -1;
          row.hidden = !match;
          if (match) shown += 1;
        });
        status.textContent = " " + shown + " of " + rows.length + " rows shown";
      });
      table.querySelectorAll("thead th").forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tb-sort";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        th.setAttribute("aria-sort", "none");
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          table.querySelectorAll("thead th").forEach(function (other) {
            other.setAttribute("aria-sort", "none");
          });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var sorted = rows.slice().sort(function (a, b) {
            var x = a.cells[column].textContent.trim();
            var y = b.cells[column].textContent.trim();
            var nx = parseFloat(x), ny = parseFloat(y);
            var order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
            return ascending ? order : -order;
          });
          sorted.forEach(function (row) { table.tBodies[0].appendChild(row); });
        });
      });
    });
  }

  /* Progress: kept in this browser's local storage; nothing is sent anywhere. */
  function readProgress() {
    try {
      return JSON.parse(window.localStorage.getItem(PROGRESS_KEY)) || {};
    } catch (err) {
      return {};
    }
  }

  function saveProgress(progress) {
    try {
      window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    } catch (err) {
      /* storage may be off: progress is then not remembered */
    }
  }

  function correctCount(progress, lesson) {
    return Object.keys(progress[lesson] || {}).length;
  }

  function progressText(progress, lesson) {
    var total = data.lessons[lesson] ? data.lessons[lesson].questions : 0;
    return correctCount(progress, lesson) + " of " + total + " questions answered correctly";
  }

  function pageLesson() {
    var name = window.location.pathname.split("/").pop().replace(/\.html$/, "");
    return data.lessons[name] ? name : null;
  }

  function progressPanel() {
    var lesson = pageLesson();
    var panel = document.createElement("div");
    panel.className = "tb-progress";
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "Your progress");
    var text = document.createElement("p");
    text.setAttribute("aria-live", "polite");
    panel.appendChild(text);
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = "Reset my progress";
    panel.appendChild(reset);
    function refresh() {
      var now = readProgress();
      if (lesson) {
        text.textContent = "Your progress in this lesson: " + progressText(now, lesson) + ".";
      } else {
        text.textContent = "Your progress: " + Object.keys(data.lessons).map(function (name) {
          return data.lessons[name].title + ": " + progressText(now, name);
        }).join("; ") + ".";
      }
    }
    reset.addEventListener("click", function () {
      var now = readProgress();
      if (lesson) delete now[lesson]; else now = {};
      saveProgress(now);
      document.querySelectorAll("form.tb-quiz input[type=radio]").forEach(function (radio) {
        radio.checked = false;
      });
      refresh();
    });
    refresh();
    return { element: panel, refresh: refresh };
  }

  function trackQuizzes() {
    var forms = document.querySelectorAll("form.tb-quiz");
    var home = document.getElementById("tb-progress-home");
    var heading = document.querySelector("article h1, main h1");
    if (!home && !(forms.length && heading)) return;
    var panel = progressPanel();
    if (home) home.appendChild(panel.element);
    else heading.insertAdjacentElement("afterend", panel.element);
    forms.forEach(function (form) {
      form.addEventListener("change", function (event) {
        if (event.target.dataset.correct !== "true") return;
        var progress = readProgress();
        var lesson = form.dataset.lesson;
        progress[lesson] = progress[lesson] || {};
        progress[lesson][form.dataset.question] = true;
        saveProgress(progress);
        panel.refresh();
      });
    });
  }

  /* Printing: show every answer and text description after its question or figure. */
  function openForPrint() {
    drawAllFigures();
    document.querySelectorAll("details.tb-answer, details.tb-alt").forEach(function (d) {
      d.open = true;
    });
  }

  function start() {
    drawFiguresNearTheScreen();
    glossaryTips();
    tables();
    trackQuizzes();
    window.addEventListener("beforeprint", openForPrint);
  }

  window.twitchbookOpenForPrint = openForPrint;
  window.twitchbookDrawFigures = drawAllFigures;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
