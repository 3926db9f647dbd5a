/* Figures of the workbook: carried inside every figure's HTML, so the same code runs on the
   static site, in JupyterLab (trusted outputs run scripts) and in the slide decks.
   - wires the figure's HTML controls (buttons, menu, slider) to its precomputed states,
     applied with Plotly.update; keys they handle are not passed on to JupyterLab;
   - draws the figure when it nears the screen, fetching plotly.js once, only then;
   - sizes it from its width, with a narrow-screen layout, in the page's light or dark mode.
   Defined once per page; each figure's script then registers its own <figure>. */
(function () {
  "use strict";
  if (!window.twitchbookFigures) {
    var DESIGN_WIDTH = 700; // the width each figure's layout was designed for
    var NARROW = 560;
    var DARK = { "#ffffff": "#14181e", "#1a1a1a": "#ced6dd", "#000000": "#f0f0f0",
                 "#d9d9d9": "#3a4048", "#767676": "#9aa3ad" };
    var loading = null;
    var figures = [];

    var plotlyUrl = function () {
      var meta = document.querySelector('meta[name="twitchbook-plotly"]');
      if (meta) return meta.getAttribute("content"); // the static site
      var lab = document.getElementById("jupyter-config-data"); // JupyterLab
      if (lab) {
        var base = (JSON.parse(lab.textContent).baseUrl || "/").replace(/\/?$/, "/");
        return base + "files/_build/lab/plotly.min.js";
      }
      return null; // elsewhere (slides) the page brings plotly.js itself
    };

    var loadPlotly = function () {
      if (window.Plotly) return Promise.resolve(window.Plotly);
      if (loading) return loading;
      var url = plotlyUrl();
      if (!url) return Promise.reject(new Error("no plotly.js on this page"));
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { loading = null; reject(new Error("plotly.js not found")); };
        document.head.appendChild(script);
      });
      return loading;
    };

    var isDark = function () {
      var root = document.documentElement;
      if (root.dataset.theme) return root.dataset.theme === "dark";
      return document.body.dataset.jpThemeLight === "false"; // JupyterLab's dark themes
    };

    /* Colours follow the page: the figure's light colours swapped for dark ones. */
    var recolour = function (node) {
      if (Array.isArray(node)) return node.map(recolour);
      if (node && typeof node === "object") {
        var out = {};
        Object.keys(node).forEach(function (key) { out[key] = recolour(node[key]); });
        return out;
      }
      if (typeof node === "string" && isDark()) return DARK[node.toLowerCase()] || node;
      return node;
    };

    var merge = function (layout, changes) {
      var out = JSON.parse(JSON.stringify(layout));
      Object.keys(changes).forEach(function (path) {
        var keys = path.split("."), at = out;
        keys.slice(0, -1).forEach(function (key) {
          if (typeof at[key] !== "object" || at[key] === null) at[key] = {};
          at = at[key];
        });
        at[keys[keys.length - 1]] = changes[path];
      });
      return out;
    };

    /* Height follows width: a phone gets a shorter plot, a narrow-screen layout and
       margins that leave room to draw. */
    var sized = function (fig, width) {
      var spec = fig.spec;
      var layout = JSON.parse(JSON.stringify(spec.layout));
      var design = layout.height || 450;
      var narrow = width < NARROW;
      // A chart of rows (horizontal bars, named rows) needs its height for the rows, however
      // narrow; a drawing can shrink with its width.
      var rows = spec.data.some(function (t) {
        return t.orientation === "h" || (Array.isArray(t.y) && typeof t.y[0] === "string");
      });
      var ratio = rows ? 1 : Math.min(1, Math.max(narrow ? 0.62 : 0.75, width / DESIGN_WIDTH));
      layout.height = Math.round(design * ratio);
      layout.width = width;
      layout.autosize = false;
      layout.dragmode = false;
      if (!narrow) return layout;
      var m = layout.margin || {};
      layout.margin = { l: Math.min(m.l == null ? 60 : m.l, Math.round(width * 0.3)),
                        r: 40, // room for a value printed beside the longest bar
                        t: Math.min(m.t == null ? 40 : m.t, 40),
                        b: m.b == null ? 50 : m.b, pad: 0 };
      layout.font = Object.assign({}, layout.font, { size: 12 });
      Object.keys(layout).forEach(function (key) {
        if (/^[xy]axis\d*$/.test(key)) layout[key] = Object.assign({}, layout[key], { automargin: true });
      });
      // Titles over the plot (subplot titles) wrap to the width instead of running off it.
      var wrapped = function (text, chars) {
        if (typeof text !== "string" || text.indexOf("<") !== -1 || text.length <= chars) return text;
        var lines = [""];
        text.split(" ").forEach(function (word) {
          var last = lines[lines.length - 1];
          if (last && (last + " " + word).length > chars) lines.push(word);
          else lines[lines.length - 1] = last ? last + " " + word : word;
        });
        return lines.join("<br>");
      };
      // Titles over a plot start at its left edge, right of the axis labels: a shorter line,
      // in smaller type (plotly sets 16 px for a subplot's title).
      (layout.annotations || []).forEach(function (note) {
        if (note.xref !== "paper") return;
        note.text = wrapped(note.text, Math.floor(width / 12));
        if (note.yanchor !== "bottom") return;
        note.font = Object.assign({}, note.font, { size: Math.min((note.font || {}).size || 13, 13) });
        if (note.x === 0.5) { note.x = 0; note.xanchor = "left"; }
      });
      if (layout.title && typeof layout.title === "object") {
        layout.title.text = wrapped(layout.title.text, Math.floor(width / 10));
      }
      // Wrapped titles over the top of the plot grow upwards: the top margin grows with them.
      var lines = function (text) { return typeof text === "string" ? text.split("<br>").length : 0; };
      var above = (layout.annotations || []).filter(function (note) {
        return note.yref === "paper" && note.y >= 1 && note.yanchor === "bottom";
      }).map(function (note) { return lines(note.text); });
      if (layout.title && typeof layout.title === "object") above.push(lines(layout.title.text));
      layout.margin.t = Math.max(layout.margin.t, 12 + 16 * Math.max.apply(null, [0].concat(above)));
      // Axis titles sit over the plot area, which is narrower still.
      Object.keys(layout).forEach(function (key) {
        var title = /^[xy]axis\d*$/.test(key) && layout[key].title;
        if (title && typeof title === "object") title.text = wrapped(title.text, Math.floor(width / 16));
      });
      // The figure's own narrow-screen layout comes last, so it can override all of this.
      return merge(layout, spec.narrow || {});
    };

    /* Trace changes in Plotly.restyle's form: an array gives one value per trace. */
    var restyled = function (traces, changes) {
      return traces.map(function (trace, i) {
        var copy = Object.assign({}, trace);
        Object.keys(changes || {}).forEach(function (key) {
          var value = changes[key];
          var own = Array.isArray(value) ? value[i % value.length] : value;
          var keys = key.split("."), at = copy;
          keys.slice(0, -1).forEach(function (k) { at[k] = Object.assign({}, at[k]); at = at[k]; });
          at[keys[keys.length - 1]] = own;
        });
        return copy;
      });
    };

    var applyState = function (fig, control, index) {
      var state = control.states[index];
      control.active = index;
      var text = fig.element.querySelector(".tb-figure-state");
      if (text && state.text) text.textContent = state.text;
      control.refresh(index);
      // Later draws start from this state.
      fig.spec.layout = merge(fig.spec.layout, state.layout);
      fig.spec.data = restyled(fig.spec.data, state.data);
      if (fig.plot.dataset.drawn && window.Plotly) redraw(fig);
    };

    var redraw = function (fig) {
      var width = fig.plot.clientWidth || fig.element.clientWidth || DESIGN_WIDTH;
      var data = width < NARROW ? restyled(fig.spec.data, fig.spec.narrow_data) : fig.spec.data;
      var layout = sized(fig, width);
      fig.plot.style.minHeight = layout.height + "px"; // a state may change the height
      return window.Plotly.react(fig.plot, recolour(data), recolour(layout), fig.spec.config);
    };

    var draw = function (fig) {
      if (fig.drawing) return fig.drawing;
      fig.drawing = loadPlotly().then(function () {
        return redraw(fig);
      }).then(function () {
        // Plotly's SVG is decoration for screen readers: the figure's name and text
        // description are on the <figure>.
        fig.plot.querySelectorAll("svg").forEach(function (svg) {
          svg.setAttribute("aria-hidden", "true");
        });
        fig.plot.classList.add("tb-drawn");
        fig.plot.dataset.drawn = "true";
        if (window.performance && performance.mark) performance.mark("twitchbook:figure-drawn");
      }, function () {
        fig.drawing = null; // no plotly.js here: the text and description stay in its place
      });
      return fig.drawing;
    };

    /* Keys a control handles stay with it: JupyterLab would otherwise take the arrows
       (move between cells) and letters (notebook commands). */
    var keepKeys = function (element) {
      element.addEventListener("keydown", function (event) { event.stopPropagation(); });
    };

    var wire = function (fig, control, box) {
      var buttons = box.querySelectorAll("button[data-state]");
      var select = box.querySelector("select");
      var range = box.querySelector('input[type="range"]');
      var shown = box.querySelector("output");
      control.refresh = function (index) {
        buttons.forEach(function (b, i) { b.setAttribute("aria-pressed", String(i === index)); });
        if (select) select.value = String(index);
        if (range) {
          range.value = String(index);
          range.setAttribute("aria-valuetext", control.states[index].label);
        }
        if (shown) shown.textContent = control.states[index].label;
      };
      buttons.forEach(function (button, i) {
        keepKeys(button);
        button.addEventListener("click", function () { applyState(fig, control, i); });
      });
      [select, range].forEach(function (input) {
        if (!input) return;
        keepKeys(input);
        input.addEventListener("input", function () { applyState(fig, control, +input.value); });
        input.addEventListener("change", function () {
          if (+input.value !== control.active) applyState(fig, control, +input.value);
        });
      });
    };

    var observer = null;
    var watch = function (fig) {
      if (!plotlyUrl() && !window.Plotly) return; // slides draw their own figures
      if (!("IntersectionObserver" in window)) { draw(fig); return; }
      if (!observer) {
        observer = new IntersectionObserver(function (entries) {
          entries.forEach(function (entry) {
            if (!entry.isIntersecting) return;
            observer.unobserve(entry.target);
            draw(entry.target.tbFigure);
          });
        }, { rootMargin: "300px 0px" });
      }
      fig.plot.tbFigure = fig;
      observer.observe(fig.plot);
    };

    var register = function (element) {
      if (!element || element.tbRegistered) return;
      var block = element.querySelector("script.tb-plot-data");
      var plot = element.querySelector(".tb-plot");
      if (!block || !plot) return;
      element.tbRegistered = true;
      var spec = JSON.parse(block.textContent);
      var fig = { element: element, plot: plot, spec: spec, drawing: null };
      (spec.controls || []).forEach(function (control, n) {
        var box = element.querySelectorAll(".tb-control")[n];
        if (box) wire(fig, control, box);
      });
      // Reserve the plot's height now, so nothing below it jumps when it is drawn.
      var width = plot.clientWidth || DESIGN_WIDTH;
      plot.style.minHeight = sized(fig, width).height + "px";
      plot.classList.add("tb-sized"); // a preview (on the site) now fills that height
      figures.push(fig);
      watch(fig);
    };

    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () {
        figures.forEach(function (fig) {
          if (fig.plot.dataset.drawn) { redraw(fig); }
        });
      }, 150);
    });
    // The reader switches light and dark mode: redraw in the new colours.
    new MutationObserver(function () {
      figures.forEach(function (fig) { if (fig.plot.dataset.drawn) redraw(fig); });
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

    window.twitchbookFigures = { register: register };
    /* Every figure at once, for printing and for checks that need them all. */
    window.twitchbookDrawFigures = function () {
      if (!plotlyUrl() && !window.Plotly) return Promise.resolve();
      return Promise.all(figures.map(draw));
    };
  }
  var script = document.currentScript;
  window.twitchbookFigures.register(script && script.closest("figure"));
})();
