(function () {
  "use strict";
  var body = document.body, tip = document.getElementById("tip"), detail = document.getElementById("detail");
  document.querySelectorAll(".toggle").forEach(function (box) {
    box.addEventListener("change", function () { body.classList.toggle("hide-" + box.dataset.type, !box.checked); });
  });
  document.querySelector(".toggle-themes").addEventListener("change", function (e) { body.classList.toggle("hide-themes", !e.target.checked); });
  document.querySelector(".toggle-original").addEventListener("change", function (e) {
    document.querySelectorAll(".doc").forEach(function (doc) {
      doc.querySelector(".text").hidden = e.target.checked;
      doc.querySelector(".original").hidden = !e.target.checked;
    });
  });
  function jump(id) {
    var el = document.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1500);
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest("a.ol-link, a.jump");
    if (link) {
      e.preventDefault();
      var id = link.getAttribute("href").slice(1);
      var el = document.getElementById(id);
      if (el) { el.scrollIntoView({ block: "start" }); if (link.classList.contains("jump")) jump(id); }
      history.replaceState(null, "", "#" + id);
      return;
    }
    if (e.target.closest("#detail .close")) { detail.hidden = true; return; }
    var mk = e.target.closest(".mk");
    if (mk && !body.classList.contains("hide-" + mk.dataset.type)) { showMention(mk); return; }
    var pg = e.target.closest(".pg");
    if (pg) showPassage(pg);
  });
  function row(k, v) { var tr = document.createElement("tr"); var a = document.createElement("td"); a.textContent = k; var b = document.createElement("td"); b.textContent = v; tr.append(a, b); return tr; }
  function show(rows) {
    var t = document.createElement("table");
    rows.forEach(function (r) { t.append(row(r[0], r[1])); });
    var c = detail.querySelector(".content"); c.replaceChildren(t); detail.hidden = false;
  }
  function showMention(mk) {
    var rows = [["类型", mk.dataset.type], ["文本", mk.dataset.text], ["取值", mk.dataset.value]];
    if (mk.dataset.original !== undefined) rows.push(["原文", mk.dataset.original]);
    show(rows);
  }
  function showPassage(pg) {
    var scores = JSON.parse(pg.dataset.scores || "{}"), why = JSON.parse(pg.dataset.explain || "{}");
    var rows = [["主题", pg.dataset.themes]];
    Object.keys(scores).forEach(function (t) { rows.push(["得分 " + t, scores[t].toFixed(3)]); });
    Object.keys(why).forEach(function (t) {
      rows.push(["依据 " + t, why[t].map(function (w) { return w[0] + " " + (w[1] >= 0 ? "+" : "") + w[1].toFixed(2); }).join(", ")]);
    });
    show(rows);
  }
  document.addEventListener("mouseover", function (e) {
    var mk = e.target.closest(".mk");
    if (!mk || body.classList.contains("hide-" + mk.dataset.type)) { tip.hidden = true; return; }
    tip.textContent = mk.dataset.value;
    tip.hidden = false;
    var r = mk.getBoundingClientRect();
    tip.style.left = Math.max(4, r.left) + "px";
    tip.style.top = (r.bottom + 4) + "px";
  });
  document.addEventListener("scroll", function () { tip.hidden = true; }, { passive: true });
})();
