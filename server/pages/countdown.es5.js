/*
 * The wait page's countdown, for every browser since about 2012: ES5 only, no framework, allowed by
 * its hash in the Content-Security-Policy (so its text never changes; the page hands it its data in a
 * JSON block).
 *
 * Time: it trusts the server's clock, not the device's. The server says how many milliseconds were
 * left when it answered; the script measures the time since then on the browser's monotonic clock.
 * A device clock that is off changes nothing. Some browsers' monotonic clock stands still while the
 * device sleeps: when the device's clock has moved on further than it, the script counts the time
 * asleep too (no reload: the network may not be back yet).
 *
 * Words: the server hands over the countdown's messages in the visitor's language, compiled, with the
 * plural category of every number (lib/i18n/compiled.ts). The script says what
 * lib/conferences/countdown.ts says for any number of seconds left; a test holds the two to the same
 * text in every language, and the spoken sentence is only written when its words change.
 *
 * Nothing depends on it: without it the page's <meta http-equiv="refresh"> reloads it (at the start,
 * or sooner), and the no-script note links to the same address.
 */
(function () {
  var holder = document.getElementById("countdown-data");
  var shown = document.getElementById("countdown-shown");
  if (!holder || !shown || !window.JSON) return;
  var data = JSON.parse(holder.text || holder.innerHTML);
  var words = data.words;
  var CATEGORY = { z: "zero", o: "one", t: "two", f: "few", m: "many", x: "other" };

  function number(n) {
    var text = String(n);
    return n >= 1000 ? text.slice(0, -3) + words.thousands + text.slice(-3) : text;
  }

  // A compiled message or branch: text, 0 (the plural's number) or a list of parts.
  function say(parts, values, count) {
    if (typeof parts === "string") return parts;
    if (parts === 0) return number(count);
    var text = "";
    for (var i = 0; i < parts.length; i++) text += part(parts[i], values, count);
    return text;
  }

  // One part: text, 0, ["name"] (a value) or ["name", 2, branches] (a plural).
  function part(node, values, count) {
    if (typeof node === "string") return node;
    if (node === 0) return number(count);
    var value = values[node[0]];
    if (node.length === 1) return String(value);
    var branches = node[2];
    var branch = branches["=" + value];
    if (branch === undefined) branch = branches[CATEGORY[words.plural.charAt(value < 100 ? value : 100 + (value % 100))]];
    if (branch === undefined) branch = branches.other;
    return say(branch, values, value);
  }

  function message(key, values) {
    return say(words.messages[key], values || {});
  }

  function twoDigits(n) {
    return n < 10 ? "0" + n : String(n);
  }

  // What lib/conferences/countdown.ts says: remainingText and countdownAnnouncement.
  function texts(total) {
    var days = Math.floor(total / 86400);
    var hours = Math.floor((total % 86400) / 3600);
    var minutes = Math.floor((total % 3600) / 60);
    if (days > 0) return [message("days", { days: days, hours: hours }), message("startsInDays", { days: days, hours: hours })];
    if (hours > 0) return [message("hours", { hours: hours, minutes: twoDigits(minutes) }), message("startsInHours", { hours: hours })];
    var clock = twoDigits(minutes) + ":" + twoDigits(total % 60);
    if (minutes > 0) return [clock, message("startsInMinutes", { minutes: minutes })];
    return [clock, message(total > 10 ? "lessThanMinute" : "starting")];
  }

  function setText(element, text) {
    if (!element) return;
    if (element.textContent !== undefined) {
      if (element.textContent !== text) element.textContent = text;
    } else if (element.innerText !== text) {
      element.innerText = text;
    }
  }

  var perf = window.performance;
  var monotonic = !!(perf && perf.now);
  function wall() {
    return new Date().getTime();
  }
  var now = monotonic
    ? function () {
        return perf.now();
      }
    : wall;
  // When the answer began to arrive, on the same clock as now() (Navigation Timing's own epoch);
  // without Navigation Timing, now (a little late: the page then goes a little late).
  var timing = monotonic && perf.timing;
  var answered = timing && timing.responseStart ? timing.responseStart - timing.navigationStart : now();
  var deadline = answered + data.ms;
  var apart = wall() - now();
  var gone = false;
  var timer;

  // To the invitation's own address (never whatever else the query held): the server decides.
  function ask() {
    if (gone) return;
    gone = true;
    window.location.replace(data.href);
  }

  // Forward just after the start. Browsers fire a timer longer than 2^31 - 1 ms (24.8 days) at once:
  // set none that long (the countdown's own timer catches a start that far ahead).
  function arm() {
    if (timer) window.clearTimeout(timer);
    var delay = Math.max(0, deadline - now() + data.margin);
    timer = delay <= 2147483647 ? window.setTimeout(ask, delay) : 0;
  }

  var spoken = document.getElementById("countdown-spoken");
  function tick() {
    // The device's clock moved on by more than the monotonic one (asleep): that time passed too. (A
    // device clock set back leaves the monotonic count right: only the difference is noted.)
    var parted = monotonic ? wall() - now() - apart : 0;
    if (parted > 3000 || parted < -3000) {
      apart += parted;
      if (parted > 0) {
        deadline -= parted;
        arm();
      }
    }
    var left = deadline - now();
    var said = texts(Math.max(0, Math.ceil(left / 1000)));
    setText(shown, said[0]);
    setText(spoken, said[1]);
    // A start too far ahead for one timer is caught here, once it has come near enough.
    if (left <= -data.margin) ask();
  }

  tick();
  window.setInterval(tick, 250);
  arm();

  // With this script running the page need not reload (which would also make a screen reader start
  // over): once the page has loaded, stop the refresh. Browsers cancel a pending
  // <meta http-equiv="refresh"> on window.stop(); one that does not just keeps reloading.
  function stopReloading() {
    var refresh = document.getElementById("refresh");
    if (refresh && refresh.parentNode) refresh.parentNode.removeChild(refresh);
    if (window.stop) window.stop();
  }
  if (document.readyState === "complete") stopReloading();
  else if (window.addEventListener) window.addEventListener("load", stopReloading, false);

  // The start in the visitor's own zone, when the browser knows it and it is not the organizer's.
  // (The line is empty in the page, so that a browser without this script shows no empty label.)
  var mine = document.getElementById("viewer-time");
  try {
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (mine && zone && zone !== data.zone) {
      // The server's START_FORMAT, on a 24-hour clock (hour12: old browsers know no hourCycle).
      var options = { hour12: false };
      for (var field in data.format) if (data.format.hasOwnProperty(field)) options[field] = data.format[field];
      var text = new Intl.DateTimeFormat(data.locale, options).format(new Date(data.start));
      setText(document.getElementById("viewer-time-label"), data.yourTime + " ");
      setText(document.getElementById("viewer-time-value"), text + " (" + zone.replace(/_/g, " ") + ")");
      mine.removeAttribute("hidden");
    }
  } catch (_error) {
    // An old browser without time zones: the organizer's time stays the only one.
  }
})();
