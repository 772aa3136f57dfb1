/*
 * The wait page's countdown, for every browser since about 2012: ES5 only, no framework, allowed by
 * its hash in the Content-Security-Policy (so its text never changes; the page hands it its data).
 * It trusts the server's clock, not the device's: the server says how many milliseconds were left
 * when it answered, and the script measures the time since then. The words come from the server, in
 * the visitor's language; the script only picks those for the current second. Nothing depends on
 * it: without it, the page's <meta http-equiv="refresh"> reloads it at the start (or within 30 s).
 */
(function () {
  var box = document.getElementById("countdown");
  if (!box || !window.JSON) return;
  var data = JSON.parse(box.getAttribute("data-countdown"));
  var shown = document.getElementById("countdown-shown");
  var spoken = document.getElementById("countdown-spoken");
  var perf = window.performance;
  var monotonic = !!(perf && perf.now && perf.timing && perf.timing.responseStart);
  var now = monotonic
    ? function () {
        return perf.now();
      }
    : function () {
        return new Date().getTime();
      };
  // When the answer began to arrive, on the same clock as now() (Navigation Timing's own epoch).
  var answered = monotonic ? perf.timing.responseStart - perf.timing.navigationStart : now();
  var deadline = answered + data.ms;
  var gone = false;

  function setText(element, text) {
    if (!element) return;
    if (element.textContent !== undefined) {
      if (element.textContent !== text) element.textContent = text;
    } else if (element.innerText !== text) {
      element.innerText = text;
    }
  }

  function forward() {
    if (gone) return;
    gone = true;
    window.location.replace(window.location.href);
  }

  function tick() {
    var left = deadline - now();
    var seconds = Math.max(0, Math.ceil(left / 1000));
    var step = data.steps[0];
    for (var i = 1; i < data.steps.length && data.steps[i][0] >= seconds; i++) step = data.steps[i];
    setText(shown, step[1]);
    setText(spoken, step[2]);
    // A start too far ahead for one timer is caught here, once it has come near enough.
    if (left <= -data.margin) forward();
  }

  tick();
  window.setInterval(tick, 250);
  var delay = Math.max(0, deadline - now() + data.margin);
  // Browsers fire a timer longer than 2^31 - 1 ms (24.8 days) at once: set none that long.
  if (delay <= 2147483647) window.setTimeout(forward, delay);

  // After a while in the background (or asleep) timers may have stood still: ask the server again.
  if (document.addEventListener && document.visibilityState !== undefined) {
    var hiddenSince = 0;
    document.addEventListener(
      "visibilitychange",
      function () {
        if (document.visibilityState === "hidden") hiddenSince = new Date().getTime();
        else if (hiddenSince && new Date().getTime() - hiddenSince > 30000) forward();
      },
      false
    );
  }

  // With this script running the page need not reload every 30 s (which would also make a screen
  // reader start over): once the page has loaded, stop the refresh. Browsers cancel a pending
  // <meta http-equiv="refresh"> on window.stop(); one that does not just keeps reloading.
  function stopReloading() {
    var refresh = document.getElementById("refresh");
    if (refresh && refresh.parentNode) refresh.parentNode.removeChild(refresh);
    if (window.stop) window.stop();
  }
  if (document.readyState === "complete") stopReloading();
  else if (window.addEventListener) window.addEventListener("load", stopReloading, false);

  // The start in the visitor's own zone, when the browser knows it and it is not the organizer's.
  var mine = document.getElementById("viewer-time");
  try {
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (mine && zone && zone !== data.zone) {
      // The server's START_FORMAT, on a 24-hour clock (hour12: old browsers know no hourCycle).
      var options = { hour12: false };
      for (var field in data.format) if (data.format.hasOwnProperty(field)) options[field] = data.format[field];
      var text = new Intl.DateTimeFormat(data.locale, options).format(new Date(data.start));
      setText(document.getElementById("viewer-time-value"), text + " (" + zone.replace(/_/g, " ") + ")");
      mine.removeAttribute("hidden");
    }
  } catch (_error) {
    // An old browser without time zones: the organizer's time stays the only one.
  }
})();
