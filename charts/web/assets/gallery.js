/* tollcharts gallery: copy buttons; absolute embed URLs when served over http(s). */
function tollchartsGallery(copied, failed, absolute) {
  "use strict";
  var boxes = document.querySelectorAll("textarea[data-page]");
  if (!absolute && /^https?:$/.test(location.protocol)) {
    for (var i = 0; i < boxes.length; i++) {
      var abs = new URL(boxes[i].getAttribute("data-page"), location.href).href;
      var attr = abs.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/[<]/g, "&lt;");
      boxes[i].value = boxes[i].value.replace(/src="[^"]*"/, function () { return 'src="' + attr + '"'; });
    }
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button[data-copy]") : null;
    if (!b) return;
    var box = document.getElementById(b.getAttribute("data-copy"));
    var status = b.parentNode.querySelector(".g-status");
    function say(s) { if (status) status.textContent = s; }
    function done() { say(copied); }
    function fallback() {
      box.focus();
      box.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      say(ok ? copied : failed);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(box.value).then(done, fallback);
    } else {
      fallback();
    }
  });
}
