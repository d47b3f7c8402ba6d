// Live reload for `tollcharts serve`. The server adds this script to the
// HTML it sends; it is never part of the files on disk.
(function () {
  "use strict";
  // Pages framed by another page (the gallery) are reloaded with it, and
  // browsers allow few open streams per host.
  if (window.self !== window.top || !window.EventSource) return;
  var report = decodeURIComponent(location.pathname.split("/")[1] || "");
  if (report.indexOf(".") >= 0) report = ""; // /index.html: the list of reports
  var box = null;

  function show(data) {
    var lines = [];
    (data.errors || []).forEach(function (r) {
      (r.lines || []).forEach(function (l) { lines.push(l); });
    });
    if (!lines.length) {
      if (box) box.remove();
      box = null;
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "tollcharts-errors";
      box.setAttribute("role", "alert");
      box.dir = "ltr";
      box.style.cssText = "position:fixed;top:0;left:0;right:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:12px 16px;background:#7a0010;color:#fff;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;" +
        "white-space:pre-wrap;text-align:left;box-shadow:0 2px 8px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var close = document.createElement("button");
    close.textContent = "×";
    close.setAttribute("aria-label", "Hide");
    close.style.cssText = "float:right;background:none;border:0;color:#fff;font-size:20px;cursor:pointer";
    close.onclick = function () { box.style.display = "none"; };
    box.appendChild(close);
    var head = document.createElement("strong");
    head.textContent = "Build failed; the page shows the last good build.";
    box.appendChild(head);
    lines.forEach(function (l) {
      var d = document.createElement("div");
      d.textContent = l;
      box.appendChild(d);
    });
  }

  function refresh() {
    fetch("/_tollcharts/errors", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () {});
  }

  var connected = false;
  var es = new EventSource("/_tollcharts/events");
  es.addEventListener("hello", function () {
    // A second hello means the server restarted: the files may be new.
    if (connected) update();
    connected = true;
    refresh();
  });
  es.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (!report || (d.reports || []).indexOf(report) >= 0) update();
  });

  // A chart page is updated in place: its new figure replaces the old one
  // and draws with the echarts already running, where a reload would run
  // a megabyte of script again (a fifth of a second on a slow machine).
  // Any other page, or anything unexpected, reloads.
  var last = null; // the page as last fetched
  function update() {
    var figs = document.querySelectorAll("figure.tc");
    if (!figs.length || !window.echarts || !window.tollcharts || !window.fetch || !window.DOMParser) {
      location.reload();
      return;
    }
    fetch(location.href, { cache: "no-cache" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      })
      .then(function (html) {
        if (html === last) return; // a reload for the images: the page is as it was
        var doc = new DOMParser().parseFromString(html, "text/html");
        var next = doc.querySelectorAll("figure.tc");
        if (next.length !== figs.length) throw new Error("the page changed shape");
        last = html;
        document.title = doc.title;
        for (var i = 0; i < figs.length; i++) {
          Array.prototype.forEach.call(figs[i].querySelectorAll(".tc-chart"), function (el) {
            var c = window.echarts.getInstanceByDom(el);
            if (c) c.dispose();
          });
          var fresh = document.importNode(next[i], true);
          figs[i].parentNode.replaceChild(fresh, figs[i]);
          // Scripts put in by DOM calls do not run; their copies do.
          Array.prototype.forEach.call(fresh.querySelectorAll("script"), function (old) {
            if (old.type && old.type !== "text/javascript") return; // the chart's JSON
            var run = document.createElement("script");
            run.textContent = old.textContent;
            old.parentNode.replaceChild(run, old);
          });
        }
        refresh();
      })
      .catch(function () { location.reload(); });
  }
})();
