/* tollcharts: draws a chart from the JSON next to it; static code, no data. */
(function () {
  "use strict";
  var tc = window.tollcharts = window.tollcharts || {};
  if (tc.draw) return;
  // The page's text and background colours (figure.css, and calloutInk in
  // annotate.go), for what the script colours itself.
  var ink = { light: "#1b1b1b", dark: "#ececec", darkPage: "#121212" };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function media(q) {
    return window.matchMedia ? window.matchMedia(q) : { matches: false };
  }
  function onChange(mq, fn) {
    if (mq.addEventListener) mq.addEventListener("change", fn);
    else if (mq.addListener) mq.addListener(fn);
  }
  function watch(el, fn) {
    if (window.ResizeObserver) new ResizeObserver(function () { fn(); }).observe(el);
    else window.addEventListener("resize", fn);
  }

  // post sends the page's height to the parent window (see Embed).
  tc.post = function (id) {
    if (window.parent === window) return;
    var last = 0;
    function send() {
      var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h === last) return;
      last = h;
      window.parent.postMessage({ type: "tollcharts:height", id: id, height: h }, "*");
    }
    watch(document.documentElement, send);
    window.addEventListener("load", send);
    send();
  };

  // load adds echarts' script from src once, and calls every fn given
  // meanwhile when it has run or failed.
  var waiting = null;
  tc.load = function (src, fn) {
    if (window.echarts) return fn();
    if (waiting) return waiting.push(fn);
    waiting = [fn];
    var s = document.createElement("script");
    s.src = src;
    s.onload = s.onerror = function () {
      var w = waiting;
      waiting = null;
      for (var i = 0; i < w.length; i++) w[i]();
    };
    document.head.appendChild(s);
  };

  // light says whether the browser asks to save data or reports a slow
  // connection (Network Information API): the page then loads echarts
  // (about 220 KB) only when the reader asks for the interactive chart.
  function light() {
    var c = navigator.connection;
    return !!c && (!!c.saveData || /2g|3g/.test(c.effectiveType || ""));
  }

  tc.draw = function (id) {
    // A host page may load echarts with defer: it runs once the page is
    // parsed, before DOMContentLoaded, so a chart met earlier waits for it.
    if (!window.echarts && document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { tc.draw(id); });
      return;
    }
    var data = document.getElementById(id + "-config");
    if (!data) return;
    var cfg = JSON.parse(data.textContent);
    if (cfg.post) tc.post(id);
    if (!cfg.option) return;
    var el = document.getElementById(id);
    var fig = document.getElementById(id + "-figure");
    var lib = fig && fig.getAttribute("data-tc-lib");
    if (window.echarts || !lib || !el) return render(id, cfg, data, el, fig);
    // A page names echarts rather than load it in its <head>: the still
    // image is drawn first, and on a data-light connection it stays until
    // the reader presses the button, which then hands focus to the chart.
    var btn = document.getElementById(id + "-load");
    function load(asked) {
      tc.load(lib, function () {
        if (btn) btn.hidden = true;
        render(id, cfg, data, el, fig);
        if (asked) el.focus();
      });
    }
    if (!btn || !light()) {
      el.classList.add("tc-echarts"); // the chart's own box from the start
      return load(false);
    }
    btn.hidden = false;
    btn.addEventListener("click", function () {
      if (btn.getAttribute("aria-busy")) return;
      btn.setAttribute("aria-busy", "true");
      btn.textContent = btn.getAttribute("data-tc-loading");
      load(true);
    });
  };

  // render draws the chart of the page's figure id with echarts.
  function render(id, cfg, data, el, fig) {
    // The still image stands in until echarts draws; without echarts it
    // stays, beside the opened data table.
    if (!window.echarts || !el) {
      if (el) el.classList.remove("tc-echarts");
      if (fig) fig.className += " tc-failed";
      var table = document.getElementById(id + "-data");
      if (table) table.open = true;
      return;
    }
    el.classList.add("tc-echarts");
    var dark = media("(prefers-color-scheme: dark)");
    var calm = media("(prefers-reduced-motion: reduce)").matches;
    var decal = media("(prefers-contrast: more)").matches;
    var nf = null;
    try { nf = new Intl.NumberFormat(cfg.numberLocale); } catch (e) { nf = null; }
    var chart = null;

    function tooltip(ps) {
      if (!Array.isArray(ps)) ps = [ps];
      if (!ps.length) return "";
      if (cfg.reversed) ps = ps.slice().reverse();
      var i = ps[0].dataIndex;
      var h = "<div><strong><bdi>" + esc(cfg.categories[i]) + "<\/bdi><\/strong>";
      for (var k = 0; k < ps.length; k++) {
        var p = ps[k];
        var l = cfg.labels[p.seriesIndex][p.dataIndex];
        h += "<br>" + p.marker + " <bdi>" + esc(p.seriesName) + "<\/bdi>: " +
          (l ? "<bdi>" + esc(l) + "<\/bdi>" : "<em>" + esc(cfg.noData) + "<\/em>");
      }
      return h + "<\/div>";
    }

    // pieTip names a part of a donut, then its count and share.
    function pieTip(p) {
      var l = cfg.labels[0][p.dataIndex] || "";
      return "<div>" + p.marker + " " + esc(l).replace(/\n/g, "<br>") + "<\/div>";
    }

    // mapTip heads a governorate's tooltip with its name in the page's
    // language, then its value or "no data".
    var names = {};
    if (cfg.map) {
      var fs = cfg.map.geo.features;
      for (var f = 0; f < fs.length; f++) names[fs[f].properties.pcode] = fs[f].properties[cfg.map.nameKey];
    }
    function mapTip(p) {
      var l = cfg.labels[0][p.dataIndex];
      return "<div><strong><bdi>" + esc(names[p.name] || p.name) + "<\/bdi><\/strong><br><bdi>" +
        esc(p.seriesName) + "<\/bdi>: " + (l ? "<bdi>" + esc(l) + "<\/bdi>" : "<em>" + esc(cfg.noData) + "<\/em>") + "<\/div>";
    }

    // darkMap recolours a map's borders and "no data" fill for a dark page.
    function darkMap(o) {
      var c = cfg.map.dark, s = o.series[0];
      s.itemStyle.borderColor = c.border;
      s.itemStyle.areaColor = c.noData;
      for (var i = 0; i < s.data.length; i++) {
        var st = s.data[i].itemStyle;
        if (!st) continue;
        if (st.tcHighlight) { st.borderColor = ink.dark; continue; }
        st.areaColor = st.color = c.noData;
        if (st.decal) st.decal.color = c.hatch;
      }
    }

    // fitMap places the map in the chart beside its classes (below them
    // when the chart is narrow), as large as fits, keeping its aspect.
    function fitMap() {
      var m = cfg.map, rtl = m.side === "right";
      var narrow = el.clientWidth < m.narrow;
      if (el.classList.contains("tc-narrow") !== narrow) el.classList.toggle("tc-narrow", narrow);
      var W = el.clientWidth, H = el.clientHeight, pad = 8;
      var x0 = pad, x1 = W - pad, y1 = H - pad;
      if (narrow) y1 -= m.legendHeight;
      else if (rtl) x1 -= m.room;
      else x0 += m.room;
      var w = Math.max(x1 - x0, 10), h = Math.max(y1 - pad, 10);
      if (w / h > m.aspect) w = h * m.aspect;
      else h = w / m.aspect;
      return {
        layoutCenter: [(narrow ? W / 2 : rtl ? x1 - w / 2 : x0 + w / 2), pad + (y1 - pad) / 2],
        layoutSize: Math.max(w, h)
      };
    }

    // darkAnnotations recolours a highlight (the accent and the muted
    // grey) and the callouts' text and arrows for a dark page.
    function darkAnnotations(o) {
      if (cfg.highlight && !cfg.map) {
        var d = o.series[0].data;
        for (var i = 0; i < d.length; i++) {
          if (d[i] && d[i].itemStyle) d[i].itemStyle.color = cfg.highlight.dark[i === cfg.highlight.at ? 0 : 1];
        }
      }
      for (var s = 0; s < o.series.length; s++) {
        var mp = o.series[s].markPoint;
        if (!mp || !mp.data) continue;
        for (var k = 0; k < mp.data.length; k++) {
          var it = mp.data[k];
          if (it.label && it.label.tcCallout) {
            it.label.color = it.itemStyle.color = ink.dark;
            it.label.textBorderColor = ink.darkPage;
          }
        }
      }
    }

    function option() {
      var o = JSON.parse(data.textContent).option;
      if (dark.matches) {
        if (cfg.darkColor) o.color = cfg.darkColor;
        if (cfg.map) darkMap(o);
        darkAnnotations(o);
      }
      if (calm) o.animation = false;
      if (o.aria.decal) o.aria.decal.show = decal;
      o.tooltip.formatter = cfg.map ? mapTip : cfg.pie ? pieTip : tooltip;
      for (var i = 0; i < o.series.length; i++) {
        (function (labels) {
          if (o.series[i].label) {
            o.series[i].label.formatter = function (p) { return labels[p.dataIndex] || ""; };
          }
        })(cfg.labels[i]);
      }
      if (nf && cfg.valueAxis) {
        var axes = cfg.valueAxis === "x" ? o.xAxis : o.yAxis;
        for (var a = 0; a < axes.length; a++) {
          axes[a].axisLabel = axes[a].axisLabel || {};
          axes[a].axisLabel.formatter = function (v) { return nf.format(v); };
        }
      }
      if (cfg.timeLabels) {
        // A time scale: ticks on the first of a month, labelled in the
        // figure's locale (the year for January).
        // Over more than three years, the years only (as timeAxis in
        // option.go sets the ticks a year apart).
        var yearly = cfg.dates[cfg.dates.length - 1] - cfg.dates[0] > 3 * 365 * 864e5;
        o.xAxis[0].axisLabel = o.xAxis[0].axisLabel || {};
        o.xAxis[0].axisLabel.formatter = function (v) {
          var d = new Date(v);
          if (d.getUTCDate() !== 1 || d.getUTCHours() !== 0) return "";
          if (yearly && d.getUTCMonth() !== 0) return "";
          var m = d.getUTCMonth() + 1;
          return cfg.timeLabels[d.getUTCFullYear() + "-" + (m < 10 ? "0" : "") + m] || "";
        };
        // The latest point's label stands beside it, past the end of the
        // line, where points days apart leave no room above; a label
        // that would overlap another is hidden (the tooltip and the
        // table still give it).
        var last = cfg.dates.length - 1, before = !!o.xAxis[0].inverse;
        for (var s = 0; s < o.series.length; s++) {
          o.series[s].labelLayout = function (p) {
            if (p.dataIndex !== last) return { hideOverlap: true };
            return { x: before ? p.rect.x - 6 : p.rect.x + p.rect.width + 6, y: p.rect.y + p.rect.height / 2,
              align: before ? "right" : "left", verticalAlign: "middle", hideOverlap: true };
          };
        }
      }
      return o;
    }

    // cols is the number of panels side by side: one on a narrow screen.
    function cols() {
      if (!cfg.panels) return 1;
      return el.clientWidth < 600 ? 1 : Math.min(cfg.panels.length, 3);
    }

    // panels places the grids of small multiples in rows of cols() panels
    // (first panel on the right in a right-to-left figure), each headed by
    // its series' name; one under another, the chart grows to fit them.
    function panels() {
      var n = cfg.panels.length, c = cols(), r = Math.ceil(n / c);
      var narrow = c === 1 && n > 1;
      if (el.classList.contains("tc-narrow") !== narrow) el.classList.toggle("tc-narrow", narrow);
      var h = narrow ? r * 300 + "px" : "";
      if (el.style.height !== h) el.style.height = h;
      var rtl = window.getComputedStyle(el).direction === "rtl";
      var W = el.clientWidth, pw = W / c, ph = el.clientHeight / r;
      var grid = [], title = [];
      for (var i = 0; i < n; i++) {
        var col = i % c, row = Math.floor(i / c);
        if (rtl) col = c - 1 - col;
        var x = col * pw, y = row * ph;
        grid.push({ containLabel: true, left: x + 6, top: y + 34, width: pw - 12, height: Math.max(ph - 42, 40) });
        var t = { text: cfg.panels[i].text, textStyle: cfg.panels[i].textStyle, top: y + 4 };
        if (rtl) t.right = W - x - pw + 6;
        else t.left = x + 6;
        title.push(t);
      }
      return { grid: grid, title: title };
    }

    // slot is the width in px a category label may take under a column.
    function slot() {
      return Math.max(40, Math.floor((el.clientWidth / cols() - 80) / cfg.categories.length) - 6);
    }
    function slots(n) {
      var w = slot(), out = [];
      for (var i = 0; i < n; i++) out.push({ axisLabel: { width: w } });
      return out;
    }

    // fits says whether the value labels of columns fit their columns.
    function fits() {
      if (!cfg.fitBars) return true;
      var perBar = (el.clientWidth / cols() - 80) / cfg.categories.length / cfg.fitBars;
      return perBar >= cfg.labelChars * 7.5 + 4;
    }
    var shown = true;
    function showLabels(o) {
      for (var i = 0; i < o.series.length; i++) {
        o.series[i].label = o.series[i].label || {};
        o.series[i].label.show = shown;
      }
    }

    // placeMarks draws the marked events: a band over a span, a dashed
    // line on a day, at positions between the categories in proportion to
    // the days; their names and dates at the top of the plot.
    function placeMarks() {
      if (!cfg.marks || !chart) return;
      var grid = chart.getModel().getComponent("grid", 0).coordinateSystem.getRect();
      var n = cfg.categories.length;
      function px(pos) {
        var i = Math.max(0, Math.min(n - 2, Math.floor(pos)));
        if (cfg.dates) {
          // A time scale: the day between the two categories' days.
          var t = n < 2 ? cfg.dates[0] : cfg.dates[i] + (pos - i) * (cfg.dates[i + 1] - cfg.dates[i]);
          return chart.convertToPixel({ xAxisIndex: 0 }, t);
        }
        var a = chart.convertToPixel({ xAxisIndex: 0 }, i), b = chart.convertToPixel({ xAxisIndex: 0 }, i + 1);
        return a + (pos - i) * (b - a);
      }
      var fg = dark.matches ? ink.dark : ink.light, muted = dark.matches ? "#b5b5b5" : "#5c5c5c";
      var els = [];
      for (var k = 0; k < cfg.marks.length; k++) {
        var m = cfg.marks[k], a = px(m.at), z = px(m.to);
        if (a > z) { var t = a; a = z; z = t; }
        var mid = (a + z) / 2, align = "center";
        if (mid < grid.x + 90) { align = "left"; mid = Math.max(a, grid.x + 2); }
        else if (mid > grid.x + grid.width - 90) { align = "right"; mid = Math.min(z, grid.x + grid.width - 2); }
        var label = { type: "text", x: mid, y: grid.y + 2 + k % 2 * 34, z: 10, silent: true,
          style: { text: m.label + "\n" + m.date, align: align, verticalAlign: "top", fill: fg, font: "600 12px " + o0.textStyle.fontFamily, lineHeight: 15 } };
        if (z - a >= 1) {
          els.push({ type: "rect", z: 0, silent: true, shape: { x: a, y: grid.y, width: z - a, height: grid.height },
            style: { fill: dark.matches ? "rgba(255,255,255,0.10)" : "rgba(0,0,0,0.07)" } });
        } else {
          // From under the label down to above the value labels of the
          // points beside the day, so the line never crosses a number.
          var hi = 0;
          for (var si = 0; si < o0.series.length; si++) {
            var d = o0.series[si].data;
            for (var ci = Math.floor(m.at); ci <= Math.ceil(m.at); ci++) {
              var v = Array.isArray(d[ci]) ? d[ci][1] : d[ci];
              if (typeof v === "number") hi = Math.max(hi, v);
            }
          }
          var y1 = grid.y + 36 + k % 2 * 34, y2 = chart.convertToPixel({ yAxisIndex: 0 }, hi) - 24;
          if (y2 > y1) {
            els.push({ type: "line", z: 1, silent: true, shape: { x1: a, y1: y1, x2: a, y2: y2 },
              style: { stroke: muted, lineWidth: 1.5, lineDash: [5, 4] } });
          }
        }
        els.push(label);
      }
      chart.setOption({ graphic: [{ id: "tc-marks", type: "group", children: els }] }, { replaceMerge: ["graphic"] });
    }

    var o0 = null;
    function draw() {
      var still = el.querySelector(".tc-fallback");
      if (still) still.parentNode.removeChild(still);
      if (chart) chart.dispose();
      el.removeAttribute("data-tc-ready");
      var o = option();
      if (cfg.map) {
        window.echarts.registerMap(o.series[0].map, cfg.map.geo);
        var at = fitMap();
        o.series[0].layoutCenter = at.layoutCenter;
        o.series[0].layoutSize = at.layoutSize;
      }
      chart = window.echarts.init(el, dark.matches ? "dark" : null, { renderer: "canvas" });
      chart.on("finished", function () { el.setAttribute("data-tc-ready", "1"); });
      if (cfg.panels) {
        var at = panels();
        o.grid = at.grid;
        o.title = at.title;
        chart.resize();
      }
      if (cfg.wrap) {
        for (var a = 0; a < o.xAxis.length; a++) o.xAxis[a].axisLabel.width = slot();
      }
      shown = fits();
      if (!shown) showLabels(o);
      o0 = o;
      chart.setOption(o);
      placeMarks();
    }

    // Keyboard: the chart takes focus (Tab); the arrow keys move through
    // its categories (Right and Down to the next, Left and Up to the
    // previous, Left and Right swapped on a right-to-left page; Home, End
    // to the ends), showing each one's tooltip and saying it in a live
    // region; Enter or Space shows the current one, Escape hides it.
    var at = -1;
    var live = document.createElement("p");
    live.className = "tc-live";
    live.id = id + "-live";
    live.setAttribute("aria-live", "polite");
    el.parentNode.insertBefore(live, el.nextSibling);
    // The points the keys move through: the categories, or the parts of
    // a donut or the governorates of a map (series data).
    function count() {
      if (cfg.categories && cfg.categories.length) return cfg.categories.length;
      var s = (chart.getOption().series || [])[0];
      return s && s.data ? s.data.length : 0;
    }
    function nameAt(i) {
      if (cfg.categories && cfg.categories.length) return cfg.categories[i];
      var d = cfg.map && chart.getOption().series[0].data[i];
      return d ? names[d.name] || d.name : "";
    }
    function say(i) {
      var ss = chart.getOption().series || [];
      var parts = [];
      if (nameAt(i)) parts.push(nameAt(i));
      for (var s = 0; s < cfg.labels.length; s++) {
        var l = cfg.labels[s][i];
        var name = ss[s] && ss[s].name;
        parts.push((name && cfg.labels.length > 1 ? name + ": " : "") + (l || cfg.noData));
      }
      live.textContent = parts.join(", ");
    }
    function show(i) {
      var n = count();
      if (!chart || !n) return;
      at = Math.max(0, Math.min(n - 1, i));
      // The tooltip of the first series with a value there: echarts shows
      // none for a point without data.
      var si = 0;
      for (var s = 0; s < cfg.labels.length; s++) {
        if (cfg.labels[s][at]) { si = s; break; }
      }
      chart.dispatchAction({ type: "downplay" });
      chart.dispatchAction({ type: "highlight", seriesIndex: si, dataIndex: at });
      chart.dispatchAction({ type: "showTip", seriesIndex: si, dataIndex: at });
      el.setAttribute("data-tc-at", String(at));
      say(at);
    }
    function hide() {
      at = -1;
      el.removeAttribute("data-tc-at");
      if (!chart) return;
      chart.dispatchAction({ type: "hideTip" });
      chart.dispatchAction({ type: "downplay" });
      live.textContent = "";
    }
    el.addEventListener("keydown", function (e) {
      var k = e.key, rtl = document.documentElement.getAttribute("dir") === "rtl";
      if (rtl && k === "ArrowLeft") k = "ArrowRight";
      else if (rtl && k === "ArrowRight") k = "ArrowLeft";
      if (k === "Escape") hide();
      else if (k === "Enter" || k === " ") show(at < 0 ? 0 : at);
      else if (k === "ArrowRight" || k === "ArrowDown") show(at < 0 ? 0 : at + 1);
      else if (k === "ArrowLeft" || k === "ArrowUp") show(at < 0 ? 0 : at - 1);
      else if (k === "Home") show(0);
      else if (k === "End") show(count() - 1);
      else return;
      e.preventDefault();
    });
    el.addEventListener("blur", hide);

    draw();
    onChange(dark, draw);
    watch(el, function () {
      if (!chart) return;
      chart.resize();
      var u = {};
      if (cfg.panels) {
        var at = panels();
        chart.resize();
        u.grid = at.grid;
        u.title = at.title;
      }
      if (cfg.wrap) u.xAxis = slots(cfg.panels ? cfg.panels.length : 1);
      if (cfg.map) u.series = [fitMap()];
      if (fits() !== shown) {
        shown = !shown;
        u.series = cfg.labels.map(function () { return {}; });
        showLabels(u);
      }
      chart.setOption(u);
      placeMarks();
    });

    var btn = document.getElementById(id + "-decal");
    if (btn) {
      btn.hidden = false;
      btn.setAttribute("aria-pressed", String(decal));
      btn.addEventListener("click", function () {
        decal = !decal;
        btn.setAttribute("aria-pressed", String(decal));
        chart.setOption({ aria: { decal: { show: decal } } });
      });
    }
  }
})();
