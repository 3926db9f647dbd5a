/* The slide decks' script: starts reveal.js, fits each slide's type to its room, draws each
   figure (already sized for the slide at build time) when its slide is shown, and holds quiz
   answers back until the instructor reveals them: A, the button, or A in the speaker view,
   which reveals on the projected slide too. */
(function () {
  "use strict";

  var HEIGHT = 720;
  var PLOT_HEIGHT = 560; // twitchbook_site/slides/figures.py
  // Type sizes (px) a slide may take, largest first tried: big enough to read from the back.
  var RANGES = {
    text: [28, 46],
    quiz: [22, 40],
    table: [18, 30],
    case: [18, 30],
    end: [28, 44],
  };
  var RECEIVER = /receiver/i.test(window.location.search); // a preview in the speaker view

  function kind(slide) {
    var found = /tb-(\w+)-slide/.exec(slide.className);
    return found ? found[1] : "text";
  }

  function overflows(slide, body) {
    return slide.scrollHeight > HEIGHT + 1 || body.scrollHeight > body.clientHeight + 1;
  }

  // The largest type in the slide's range that fits, found by halving the range.
  function fit(slide) {
    var body = slide && slide.querySelector(".tb-body");
    var range = body && RANGES[kind(slide)];
    if (!range) return;
    var low = range[0];
    var high = range[1];
    body.style.setProperty("--tb-size", high + "px");
    if (!overflows(slide, body)) return;
    while (high - low > 1) {
      var middle = Math.floor((low + high) / 2);
      body.style.setProperty("--tb-size", middle + "px");
      if (overflows(slide, body)) high = middle;
      else low = middle;
    }
    body.style.setProperty("--tb-size", low + "px");
  }

  function drawFigures(slide) {
    if (!window.Plotly || !slide) return;
    slide.querySelectorAll("script.tb-plot-data").forEach(function (block) {
      var target = document.getElementById(block.dataset.target);
      if (!target || target.dataset.drawn) return;
      var figure = JSON.parse(block.textContent);
      // The plot takes the height its controls leave (slides.css gives it 560 px in all).
      var controls = 0;
      target.parentNode.querySelectorAll(".tb-slide-controls").forEach(function (row) {
        controls += row.offsetHeight + 8;
      });
      figure.layout.height = PLOT_HEIGHT - controls;
      target.style.height = figure.layout.height + "px";
      var config = { displayModeBar: false, responsive: false, displaylogo: false };
      window.Plotly.newPlot(target, figure.data, figure.layout, config).then(function () {
        target.dataset.drawn = "true";
      });
    });
  }

  // A figure's states (its buttons, menu or slider in the lesson) as buttons on the slide:
  // each applies its precomputed changes to the plot.
  document.querySelectorAll(".tb-slide-controls button").forEach(function (button) {
    button.addEventListener("click", function () {
      var figure = button.closest("figure");
      var block = figure.querySelector("script.tb-plot-data");
      var target = document.getElementById(block.dataset.target);
      var spec = JSON.parse(block.textContent);
      var control = spec.controls && spec.controls[Number(button.dataset.control)];
      var state = control && control.states[Number(button.dataset.state)];
      if (!state || !window.Plotly || !target.dataset.drawn) return;
      window.Plotly.update(target, state.data || {}, state.layout || {});
      button.parentNode.querySelectorAll("button").forEach(function (other) {
        other.setAttribute("aria-pressed", String(other === button));
      });
    });
  });

  function setRevealed(slide, shown) {
    if (!slide || !slide.querySelector(".tb-quiz")) return;
    if (shown) slide.dataset.revealed = "true";
    else delete slide.dataset.revealed;
    slide.querySelectorAll("details.tb-answer").forEach(function (answer) {
      answer.open = shown;
    });
    var button = slide.querySelector("button.tb-reveal");
    if (button) {
      button.setAttribute("aria-pressed", String(shown));
      button.textContent = shown ? "Hide the answer" : "Reveal the answer";
    }
    fit(slide);
  }

  // In the speaker view, A reaches only its preview of the slide; the preview tells the
  // projected window, which the speaker view opened from (window.parent.opener).
  function tellMainWindow(shown) {
    var main = RECEIVER && window.parent !== window && window.parent.opener;
    if (!main) return;
    var where = Reveal.getIndices();
    main.postMessage(
      JSON.stringify({ namespace: "tb-slides", type: "answer", h: where.h, v: where.v || 0, shown: shown }),
      "*"
    );
  }

  function toggleAnswer() {
    var slide = Reveal.getCurrentSlide();
    if (!slide || !slide.querySelector(".tb-quiz")) return;
    var shown = slide.dataset.revealed !== "true";
    setRevealed(slide, shown);
    tellMainWindow(shown);
  }

  window.addEventListener("message", function (event) {
    if (RECEIVER || typeof event.data !== "string" || event.data.indexOf("tb-slides") < 0) return;
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    if (data.namespace !== "tb-slides" || data.type !== "answer") return;
    setRevealed(Reveal.getSlide(data.h, data.v), data.shown === true);
  });

  document.querySelectorAll("button.tb-reveal").forEach(function (button) {
    button.addEventListener("click", function () {
      var slide = button.closest("section");
      setRevealed(slide, slide.dataset.revealed !== "true");
    });
  });

  // A case shows a new step or its feedback on each choice: fit the slide to it again.
  document.addEventListener("click", function (event) {
    var slide = event.target.closest && event.target.closest("section.tb-case-slide");
    if (slide) setTimeout(function () { fit(slide); }, 0);
  });

  // A choice clicked with the mouse gives the keys back to reveal.js, which ignores them
  // while a radio button has focus (arrow keys would change the choice instead of the slide).
  document.querySelectorAll(".tb-choice").forEach(function (choice) {
    choice.addEventListener("pointerup", function () {
      setTimeout(function () {
        if (choice.contains(document.activeElement)) document.activeElement.blur();
      }, 0);
    });
  });

  // An opened text description takes the keys: arrows and page keys scroll it rather than
  // change the slide, and Escape closes it.
  var SCROLL_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "];
  document.querySelectorAll("details.tb-slide-alt").forEach(function (details) {
    var panel = details.querySelector(".tb-slide-alt-text");
    details.addEventListener("toggle", function () {
      if (details.open) panel.focus();
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        details.open = false;
        details.querySelector("summary").focus();
        event.stopPropagation();
      } else if (SCROLL_KEYS.indexOf(event.key) >= 0) {
        event.stopPropagation();
      }
    });
  });

  Reveal.initialize({
    width: 1280,
    height: 720,
    margin: 0, // slides.css pads the slide instead, so at 1280x720 a CSS pixel is a screen pixel
    center: false,
    hash: true,
    keyboard: true,
    controls: true,
    progress: true,
    slideNumber: "c/t",
    transition: "none",
    showNotes: false,
    plugins: [RevealNotes],
  }).then(function () {
    Reveal.addKeyBinding({ keyCode: 65, key: "A", description: "Reveal or hide the answer" }, toggleAnswer);
    var shown = Reveal.getCurrentSlide();
    drawFigures(shown);
    fit(shown);
    document.documentElement.dataset.ready = "true";
    Reveal.on("slidechanged", function (event) {
      drawFigures(event.currentSlide);
      fit(event.currentSlide);
    });
  });
})();
