// bootproxy dashboard: refresh the overview every few seconds, copy host-file snippets, follow a timeline live.
(function () {
  "use strict";

  function onCopy(event) {
    var button = event.target.closest("button.copy");
    if (!button) { return; }
    var pre = document.getElementById(button.dataset.copy).querySelector("pre");
    if (navigator.clipboard) {
      navigator.clipboard.writeText(pre.textContent).then(function () { button.textContent = "copied"; },
        function () { button.textContent = "select and copy"; });
    }
  }

  function refreshOverview() {
    var open = Array.prototype.map.call(document.querySelectorAll("details[open]"), function (d) { return d.id; });
    fetch(location.href, {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
      if (!fresh) { return; }
      document.querySelector("main").innerHTML = fresh.innerHTML;
      open.forEach(function (id) { var d = document.getElementById(id); if (d) { d.open = true; } });
    }).catch(function () { /* bootproxy restarting: try again next time */ });
  }

  function cell(text, css) {
    var td = document.createElement("td");
    td.textContent = text;
    if (css) { td.className = css; }
    return td;
  }

  function followTimeline(section) {
    var table = document.getElementById("events");
    var state = document.getElementById("follow-state");
    var source = new EventSource("/events/" + encodeURIComponent(section.dataset.mac) + "?follow");
    source.addEventListener("boot", function (message) {
      var e = JSON.parse(message.data);
      var time = e.at.substring(11, 19);
      var key = time + " " + e.stage + " " + e.detail;
      if (table.querySelector('tr[data-key="' + CSS.escape(key) + '"]')) { return; }
      var f = e.fields || {};
      var outcome = f.result || e.outcome;
      var tr = document.createElement("tr");
      tr.className = "event";
      tr.dataset.key = key;
      [time, e.stage, e.detail + (f.mac_from ? " (by IP)" : "")].forEach(function (t) { tr.appendChild(cell(t)); });
      tr.appendChild(cell(outcome, /^(ok|built|recorded|reported|2\d\d)$/.test(outcome) ? "ok" : /^(retry|not_found|aborted)$/.test(outcome) ? "warn" : "bad"));
      [e.client, f.host || "", f.reason || ""].forEach(function (t) { tr.appendChild(cell(t)); });
      table.appendChild(tr);
      var none = document.getElementById("no-events");
      if (none) { none.remove(); }
    });
    source.onerror = function () { state.textContent = "(reconnecting…)"; };
    source.onopen = function () { state.textContent = "(live)"; };
  }

  document.addEventListener("click", onCopy);
  var timeline = document.getElementById("timeline");
  if (timeline) {
    followTimeline(timeline);
  } else {
    setInterval(refreshOverview, 2000);
  }
}());
