/* The workbook's site script: draws figures from their inert JSON blocks with the one shared
   copy of plotly.js. Everything else on the page (quizzes, answers, text descriptions) works
   without this script. */
(function () {
  "use strict";

  function drawFigures() {
    document.querySelectorAll("script.tb-plot-data").forEach(function (block) {
      var target = document.getElementById(block.dataset.target);
      if (!target || target.dataset.drawn) return;
      var figure = JSON.parse(block.textContent);
      var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
      window.Plotly.newPlot(target, figure.data, figure.layout, config).then(function () {
        target.dataset.drawn = "true";
      });
    });
  }

  function start() {
    if (window.Plotly) drawFigures();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
