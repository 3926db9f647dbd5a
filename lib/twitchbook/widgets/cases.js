/* Branching cases and the triage builder on the static site, without a kernel.
 *
 * Python renders everything a reader can see (every step, choice, feedback and reason, with
 * data text escaped); this script only shows and hides those parts. It holds no clinical
 * logic: a case moves to the step named in a choice's data-next, and the triage builder
 * shows the reason of the ticked finding with the lowest data-rank (rank 1 is the most
 * urgent, as data/red_flags.yaml says). With scripts off, the whole case and every reason
 * stay visible as text.
 */
(function () {
  "use strict";

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function initCase(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    root.classList.add("tb-live");
    var presenting = root.dataset.presenting === "true";
    var trail = root.querySelector(".tb-case-trail");
    var steps = root.querySelectorAll("[data-step]");

    function step(id) {
      return Array.prototype.filter.call(steps, function (s) {
        return s.dataset.step === id;
      })[0];
    }

    function show(id, focus) {
      each(steps, function (s) {
        s.hidden = s.dataset.step !== id;
      });
      var current = step(id);
      each(current.querySelectorAll("[data-for]"), function (f) {
        f.hidden = true;
      });
      each(current.querySelectorAll("[data-choice]"), function (b) {
        b.setAttribute("aria-pressed", "false");
      });
      var reveal = current.querySelector(".tb-case-reveal");
      if (reveal) reveal.hidden = true;
      current.dataset.revealed = "false";
      if (focus) current.querySelector("h4").focus();
    }

    function showFeedback(current, choiceId) {
      each(current.querySelectorAll("[data-for]"), function (f) {
        f.hidden = f.dataset.for !== choiceId;
      });
    }

    function pick(current, button) {
      each(current.querySelectorAll("[data-choice]"), function (b) {
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
      current.dataset.picked = button.dataset.choice;
      if (presenting && current.dataset.revealed !== "true") {
        current.querySelector(".tb-case-reveal").hidden = false;
        showFeedback(current, "");
        return;
      }
      showFeedback(current, button.dataset.choice);
    }

    function addToTrail(current) {
      var pressed = current.querySelector('[data-choice][aria-pressed="true"]');
      var note = current.querySelector('[data-for="' + current.dataset.picked + '"] strong');
      var item = document.createElement("li");
      item.textContent =
        current.querySelector(".tb-case-kind").textContent + ": " +
        pressed.textContent + " (" + (note ? note.textContent : "") + ")";
      trail.appendChild(item);
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      var current = button.closest("[data-step]");
      if (button.dataset.choice) {
        pick(current, button);
      } else if (button.classList.contains("tb-case-reveal")) {
        current.dataset.revealed = "true";
        button.hidden = true;
        showFeedback(current, current.dataset.picked);
      } else if (button.dataset.next) {
        addToTrail(current);
        show(button.dataset.next, true);
      } else if (button.dataset.restart) {
        trail.textContent = "";
        show(root.dataset.start, true);
      }
    });
    show(root.dataset.start, false);
  }

  function initTriage(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    var presenting = root.dataset.presenting === "true";
    var revealed = false;
    var boxes = root.querySelectorAll('input[type="checkbox"]');
    var none = root.querySelector(".tb-triage-none");
    var count = root.querySelector(".tb-triage-count");
    var reasons = root.querySelectorAll(".tb-triage-reason");
    var reveal = root.querySelector(".tb-triage-reveal");

    function update() {
      var best = null;
      var ticked = 0;
      each(boxes, function (box) {
        if (!box.checked) return;
        ticked += 1;
        if (!best || Number(box.dataset.rank) < Number(best.dataset.rank)) best = box;
      });
      var shown = best && (!presenting || revealed);
      none.hidden = Boolean(best);
      if (best && !shown) {
        count.textContent = ticked + " ticked. The urgency is held until it is revealed.";
      } else if (ticked > 1) {
        count.textContent = ticked + " findings ticked; the most urgent decides.";
      } else {
        count.textContent = "";
      }
      each(reasons, function (reason) {
        reason.hidden = !(shown && reason.dataset.rule === best.value);
      });
    }

    each(boxes, function (box) {
      box.addEventListener("change", update);
    });
    if (reveal) {
      reveal.addEventListener("click", function () {
        revealed = true;
        reveal.hidden = true;
        update();
      });
    }
    update();
  }

  function init() {
    each(document.querySelectorAll(".tb-case"), initCase);
    each(document.querySelectorAll(".tb-triage"), initTriage);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
