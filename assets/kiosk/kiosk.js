// akker kiosk: the little the pages need from a script: the idle
// countdown, on-screen keypads, the hours picker, keeping the scan field
// focused, printing, and sending a form only once. Everything works the
// same with a physical keyboard.
(function () {
  "use strict";
  var body = document.body;

  // Idle countdown: any touch or key starts it again; at zero, log out.
  var idle = parseInt(body.getAttribute("data-idle") || "0", 10);
  if (idle > 0) {
    var left = idle, shown = document.getElementById("idle-s");
    var show = function () {
      if (shown) shown.textContent = String(left);
      body.classList.toggle("idle-soon", left <= 10);
    };
    var reset = function () { left = idle; show(); };
    ["pointerdown", "keydown", "input"].forEach(function (name) {
      document.addEventListener(name, reset, true);
    });
    setInterval(function () {
      left -= 1;
      show();
      if (left <= 0) window.location.replace("/bye?idle=1");
    }, 1000);
  }
  if (body.classList.contains("screen-bye")) {
    setTimeout(function () { window.location.replace("/"); }, 10000);
  }

  // Keypads type into their target field, or into the field last touched.
  var lastField = null;
  document.querySelectorAll("[data-keypad-field]").forEach(function (field) {
    field.addEventListener("focus", function () { lastField = field; });
    if (!lastField) lastField = field;
  });
  document.querySelectorAll(".keypad").forEach(function (pad) {
    pad.addEventListener("click", function (event) {
      var key = event.target.closest("[data-key]");
      if (!key) return;
      var target = document.getElementById(pad.getAttribute("data-target")) || lastField;
      if (!target) return;
      var value = key.getAttribute("data-key");
      var max = parseInt(target.getAttribute("maxlength") || "99", 10);
      if (value === "del") target.value = target.value.slice(0, -1);
      else if (target.value.length < max) target.value += value;
      target.dispatchEvent(new Event("input", { bubbles: true }));
      // A field a scanner types into keeps the focus, keys or no keys.
      if (target.hasAttribute("data-keep-focus")) target.focus({ preventScroll: true });
    });
  });

  // The on-screen keyboard (pages/keyboard.rs) for fields marked data-osk:
  // opens when such a field is touched, types at the caret, keeps the
  // field focused (a key never takes the focus), and moves the page so
  // the field stays above it.
  var osk = document.getElementById("osk");
  if (osk) {
    var field = null;
    var place = function () {
      body.style.paddingBottom = osk.offsetHeight + "px";
      var rect = field.getBoundingClientRect();
      var room = window.innerHeight - osk.offsetHeight - 16;
      if (rect.bottom > room) window.scrollBy(0, rect.bottom - room);
      else if (rect.top < 0) window.scrollBy(0, rect.top - 16);
    };
    var open = function (target) {
      field = target;
      osk.hidden = false;
      body.classList.add("osk-open");
      place();
    };
    var close = function () {
      osk.hidden = true;
      body.classList.remove("osk-open");
      body.style.paddingBottom = "";
      if (field) field.blur();
      field = null;
    };
    var type = function (text) {
      var max = parseInt(field.getAttribute("maxlength") || "200", 10);
      var start = field.selectionStart == null ? field.value.length : field.selectionStart;
      var end = field.selectionEnd == null ? start : field.selectionEnd;
      if (text === null) {
        if (start === end) start = Math.max(0, start - 1);
        text = "";
      } else if (Array.from(field.value).length - (end - start) + text.length > max) {
        return;
      }
      field.value = field.value.slice(0, start) + text + field.value.slice(end);
      field.setSelectionRange(start + text.length, start + text.length);
      field.dispatchEvent(new Event("input", { bubbles: true }));
    };
    document.querySelectorAll("[data-osk]").forEach(function (input) {
      if (input.tagName !== "INPUT") return;
      input.addEventListener("focus", function () { open(input); });
      input.addEventListener("click", function () { if (field !== input) open(input); });
    });
    // A key must not take the focus from the field it types into.
    osk.addEventListener("pointerdown", function (event) { event.preventDefault(); });
    osk.addEventListener("click", function (event) {
      var key = event.target.closest("button");
      if (!key || !field) return;
      var layout = key.closest(".osk-layout");
      var action = key.getAttribute("data-osk");
      if (action === "done") { close(); return; }
      if (action === "shift") { layout.classList.toggle("osk-shift"); return; }
      if (action === "swap") {
        osk.querySelectorAll(".osk-layout").forEach(function (l) { l.hidden = !l.hidden; l.classList.remove("osk-shift"); });
        place();
        return;
      }
      if (action === "del") { type(null); return; }
      var text = key.getAttribute("data-key");
      if (layout.classList.contains("osk-shift")) {
        // Turkish i becomes İ: the layout's own language says how.
        text = text.toLocaleUpperCase(layout.getAttribute("lang"));
        layout.classList.remove("osk-shift");
      }
      type(text);
    });
  }

  // The speaker button plays the screen's sentence, made by the kiosk
  // (GET /speak/...); a second tap stops it.
  document.querySelectorAll("[data-say-src]").forEach(function (button) {
    var audio = null;
    var done = function () { button.classList.remove("saying"); };
    button.addEventListener("click", function () {
      if (audio && !audio.paused) { audio.pause(); audio.currentTime = 0; done(); return; }
      if (!audio) {
        audio = new Audio(button.getAttribute("data-say-src"));
        audio.addEventListener("ended", done);
        audio.addEventListener("error", done);
      }
      button.classList.add("saying");
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(done);
    });
  });

  // The hours picker: quarter hours between one quarter and the maximum.
  document.querySelectorAll(".hours").forEach(function (picker) {
    var step = parseInt(picker.getAttribute("data-step"), 10);
    var max = parseInt(picker.getAttribute("data-max"), 10);
    var mark = picker.getAttribute("data-mark");
    var input = picker.querySelector("input[name=amount_minor]");
    var out = picker.querySelector(".hours-value");
    picker.addEventListener("click", function (event) {
      var button = event.target.closest("[data-delta]");
      if (!button) return;
      var minor = parseInt(input.value, 10) || step;
      minor = Math.min(max, Math.max(step, minor + step * parseInt(button.getAttribute("data-delta"), 10)));
      input.value = String(minor);
      out.textContent = Math.floor(minor / 100) + mark + String(minor % 100).padStart(2, "0");
    });
  });

  // A USB scanner types into the focused field: keep the scan field focused.
  var keep = document.querySelector("[data-keep-focus]");
  if (keep) {
    // Without scrolling: the confirm screen must keep its summary in view.
    keep.focus({ preventScroll: true });
    document.addEventListener("click", function (event) {
      if (!event.target.closest("input, textarea, details, .keypad, .osk")) keep.focus({ preventScroll: true });
    });
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Send a form once: a second tap while the first is on its way does
  // nothing (the server also refuses a form token used before).
  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.classList.contains("sending")) { event.preventDefault(); return; }
      form.classList.add("sending");
      setTimeout(function () {
        form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
})();
