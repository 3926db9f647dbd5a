/* The workbook's site script. Everything it adds is an extra: quizzes, answers, text
   descriptions and glossary links all work with scripts off. (Figures draw themselves: each
   carries its own script, lib/twitchbook/assets/figure.js.)
   - shows a glossary term's plain-words definition on hover, on keyboard focus and on a
     first tap (a second tap follows the link), kept inside the screen;
   - lets readers sort and filter data tables, on a phone too, where rows become cards;
   - remembers, in this browser only, which quiz questions were answered correctly. */
(function () {
  "use strict";

  var PROGRESS_KEY = "twitchbook-progress";
  var data = window.TWITCHBOOK || { glossary: {}, lessons: {} };

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
        if (event.key === "Escape") { closeTip(wrap); wrap.classList.add("tb-tip-dismissed"); }
      });
      link.addEventListener("blur", function () { wrap.classList.remove("tb-tip-dismissed"); });
      link.addEventListener("focus", function () { keepOnScreen(tip); });
      wrap.addEventListener("mouseenter", function () { keepOnScreen(tip); });
      // A touch screen has no hover: the first tap shows the definition, a second follows
      // the link to the glossary.
      link.addEventListener("click", function (event) {
        if (wrap.classList.contains("tb-tip-open")) return;
        event.preventDefault();
        document.querySelectorAll(".tb-tip-open").forEach(closeTip);
        wrap.classList.add("tb-tip-open");
        link.setAttribute("aria-expanded", "true");
        keepOnScreen(tip);
      });
    });
    document.addEventListener("click", function (event) {
      document.querySelectorAll(".tb-tip-open").forEach(function (wrap) {
        if (!wrap.contains(event.target)) closeTip(wrap);
      });
    });
  }

  function closeTip(wrap) {
    wrap.classList.remove("tb-tip-open");
    var link = wrap.querySelector(".tb-term");
    if (link) link.removeAttribute("aria-expanded");
  }

  /* A bubble near the right edge would run off the screen and widen the page: move it in. */
  function keepOnScreen(tip) {
    tip.style.left = "0px";
    window.requestAnimationFrame(function () {
      var box = tip.getBoundingClientRect();
      if (!box.width) return;
      var room = document.documentElement.clientWidth - 8;
      var shift = Math.min(0, room - box.right);
      if (box.left + shift < 8) shift = 8 - box.left;
      tip.style.left = shift + "px";
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
      // On a phone the header row is hidden (rows become cards): the same sorting, as buttons.
      var bar = document.createElement("div");
      bar.className = "tb-sort-bar";
      bar.setAttribute("role", "group");
      bar.setAttribute("aria-label", "Sort rows");
      box.insertBefore(bar, table);
      table.querySelectorAll("thead th").forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tb-sort";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        th.setAttribute("aria-sort", "none");
        var mobile = document.createElement("button");
        mobile.type = "button";
        mobile.textContent = "Sort by " + button.textContent;
        mobile.addEventListener("click", function () { button.click(); });
        bar.appendChild(mobile);
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
    if (window.twitchbookDrawFigures) window.twitchbookDrawFigures();
    document.querySelectorAll("details.tb-answer, details.tb-alt").forEach(function (d) {
      d.open = true;
    });
  }

  function start() {
    glossaryTips();
    tables();
    trackQuizzes();
    window.addEventListener("beforeprint", openForPrint);
  }

  window.twitchbookOpenForPrint = openForPrint;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
