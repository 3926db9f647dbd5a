/* The slide decks' script: starts reveal.js, draws each figure at slide size when its slide is
   shown, and holds quiz answers back until the instructor reveals them (A, or the button). */
(function () {
  "use strict";

  var SMALLEST_FIGURE = 300;
  var HEIGHT = 720;
  var FONT_SIZE = 32; // slides.css
  var SMALLEST_FONT_SIZE = 28; // still readable from the back of the room

  // A slide fuller than the screen (an answer revealed, say) shrinks its type a little; if it
  // still does not fit at the smallest size, it scrolls rather than lose its last lines.
  function fit(slide) {
    if (!slide) return;
    slide.style.fontSize = "";
    slide.classList.remove("tb-scroll");
    for (var size = FONT_SIZE; slide.scrollHeight > HEIGHT && size > SMALLEST_FONT_SIZE; size--) {
      slide.style.fontSize = size - 1 + "px";
    }
    if (slide.scrollHeight > HEIGHT) slide.classList.add("tb-scroll");
  }

  // A figure is drawn at the height it was designed for and the slide's width, then scaled
  // down as a whole to the height its slide has left. Squeezing the plot, or enlarging its
  // type, would push its labels and controls, placed in fixed pixels, into each other.
  function drawFigures(slide) {
    if (!window.Plotly) return;
    var targets = [];
    slide.querySelectorAll("script.tb-plot-data").forEach(function (block) {
      var target = document.getElementById(block.dataset.target);
      if (target && !target.dataset.drawn) targets.push([target, JSON.parse(block.textContent)]);
    });
    targets.forEach(function (item) {
      item[0].style.height = "0px";
    });
    var room = (HEIGHT - 16 - slide.scrollHeight) / (targets.length || 1);
    targets.forEach(function (item) {
      var target = item[0];
      var figure = item[1];
      var layout = Object.assign({}, figure.layout, { autosize: false });
      var height = layout.height || 450;
      var scale = Math.min(1, Math.max(room, SMALLEST_FIGURE) / height);
      var width = target.parentNode.clientWidth;
      layout.height = height;
      layout.width = width / scale;
      Object.assign(target.style, {
        width: layout.width + "px",
        height: height + "px",
        transform: "scale(" + scale + ")",
        transformOrigin: "0 0",
        marginBottom: height * (scale - 1) + "px",
        marginRight: layout.width * (scale - 1) + "px",
      });
      var config = Object.assign({ displaylogo: false }, figure.config || {}, { responsive: false });
      window.Plotly.newPlot(target, figure.data, layout, config).then(function () {
        target.dataset.drawn = "true";
      });
    });
  }

  function setRevealed(slide, shown) {
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

  function toggleAnswer() {
    var slide = Reveal.getCurrentSlide();
    if (slide && slide.querySelector(".tb-quiz")) {
      setRevealed(slide, slide.dataset.revealed !== "true");
    }
  }

  document.querySelectorAll("button.tb-reveal").forEach(function (button) {
    button.addEventListener("click", function () {
      var slide = button.closest("section");
      setRevealed(slide, slide.dataset.revealed !== "true");
    });
  });

  // A choice clicked with the mouse gives the keys back to reveal.js, which ignores them
  // while a radio button has focus (arrow keys would change the choice instead of the slide).
  document.querySelectorAll(".tb-choice").forEach(function (choice) {
    choice.addEventListener("change", function () {
      fit(choice.closest("section"));
    });
    choice.addEventListener("pointerup", function () {
      setTimeout(function () {
        if (choice.contains(document.activeElement)) document.activeElement.blur();
      }, 0);
    });
  });

  // Opening a figure's text description makes its slide fuller too ("toggle" does not bubble).
  document.addEventListener(
    "toggle",
    function (event) {
      if (event.target.closest(".tb-alt")) fit(event.target.closest("section"));
    },
    true
  );

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
    Reveal.addKeyBinding(
      { keyCode: 65, key: "A", description: "Reveal or hide the answer" },
      toggleAnswer
    );
    drawFigures(Reveal.getCurrentSlide());
    fit(Reveal.getCurrentSlide());
    Reveal.on("slidechanged", function (event) {
      drawFigures(event.currentSlide);
      fit(event.currentSlide);
    });
  });
})();
