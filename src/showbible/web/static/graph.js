// The character graph on the overview: cytoscape.js over /api/graph.
// Level of detail for large casts: positions come from the server (clusters by home series),
// labels vanish when too small to read (min-zoomed-font-size), edges hide while panning, and
// the filters (series, minimum scenes, strongest N links) cut what is drawn at all.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof window.cytoscape !== "function") { return; }
  var form = document.getElementById("graph-controls");
  var stats = document.getElementById("graph-stats");
  var FORCE_LIMIT = 250;  // above this many nodes a force layout is too slow in a browser
  var data = null;
  var cy = null;

  function style(showLabels) {
    return [
      { selector: "node", style: {
          "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
          // Minor characters' names appear only when zoomed in (or on hover): a large cast
          // labelled all at once is unreadable.
          "label": showLabels ? "data(label)" : "", "font-size": 11, "min-zoomed-font-size": 16,
          "text-valign": "bottom", "text-margin-y": 3, "color": "#333",
          "text-background-color": "#fff", "text-background-opacity": 0.75,
          "text-background-padding": 1, "text-background-shape": "roundrectangle",
          "border-width": 2, "border-color": "#fff" } },
      { selector: "node[?major]", style: { "z-index": 10 } },
      { selector: "node.hover", style: { "label": "data(label)", "min-zoomed-font-size": 0, "z-index": 20 } },
      { selector: "node[?provisional]", style: { "border-style": "dashed", "border-color": "#888" } },
      { selector: "edge", style: {
          "width": "mapData(weight, 1, 12, 1, 6)", "line-color": "#9aa7b4", "opacity": 0.45,
          "curve-style": "haystack" } },
      { selector: ".faded", style: { "opacity": 0.08 } },
      { selector: "node:selected", style: { "border-color": "#e2b857", "border-width": 4 } },
      { selector: "edge.near", style: { "opacity": 0.9, "line-color": "#e2b857" } }
    ];
  }

  function chosen() {
    var series = Array.prototype.map.call(
      form.querySelectorAll("input[name=series]:checked"), function (i) { return i.value; });
    return {
      series: series,
      min: parseInt(form.elements.min.value, 10) || 1,
      edges: parseInt(form.elements.edges.value, 10) || 0,
      labels: form.elements.labels.checked
    };
  }

  function elements(f) {
    var wanted = {};
    f.series.forEach(function (s) { wanted[s] = true; });
    var keep = {};
    var nodes = data.nodes.filter(function (n) {
      var ok = n.data.appearances >= f.min && n.data.series.some(function (s) { return wanted[s]; });
      if (ok) { keep[n.data.id] = true; }
      return ok;
    });
    var edges = [];
    for (var i = 0; i < data.edges.length && edges.length < f.edges; i++) {
      var e = data.edges[i];  // heaviest first
      if (keep[e.data.source] && keep[e.data.target]) { edges.push(e); }
    }
    return { nodes: nodes, edges: edges };
  }

  function draw() {
    var f = chosen();
    document.getElementById("min-out").textContent = String(f.min);
    var max = form.elements.edges;
    document.getElementById("edges-out").textContent =
      f.edges >= parseInt(max.max, 10) ? "all" : String(f.edges);
    if (f.edges >= parseInt(max.max, 10)) { f.edges = Infinity; }
    var els = elements(f);
    var big = els.nodes.length > 500;
    if (cy) { cy.destroy(); }
    cy = window.cytoscape({
      container: box,
      elements: els,
      style: style(f.labels),
      layout: { name: "preset" },
      minZoom: 0.05, maxZoom: 4,
      hideEdgesOnViewport: big, textureOnViewport: big, pixelRatio: big ? 1 : "auto"
    });
    window.showbibleGraph = cy;  // for tests and the curious
    if (els.nodes.length <= FORCE_LIMIT && els.nodes.length > 1) {
      cy.layout({ name: "cose", animate: false, randomize: false, padding: 40,
                  nodeRepulsion: function () { return 400000; }, nodeOverlap: 40,
                  idealEdgeLength: function () { return 110; }, gravity: 0.6,
                  numIter: 1500 }).run();
    }
    fit();
    stats.textContent = els.nodes.length + " of " + data.total.nodes + " characters, " +
      els.edges.length + " of " + data.total.edges + " links";
    cy.on("tap", "node", function (evt) { select(evt.target); });
    cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
    // The most seen keep readable names at any zoom (a constant size on screen), most seen
    // first, skipping a name that would overprint one already shown; the rest appear as one
    // zooms in (min-zoomed-font-size) or hovers.
    function majorLabels() {
      if (!f.labels) { return; }
      var size = Math.max(11, 11 / cy.zoom());
      var shown = [];
      cy.nodes("[?major]").sort(function (a, b) {
        return b.data("appearances") - a.data("appearances");
      }).forEach(function (n) {
        var p = n.renderedPosition();
        var w = String(n.data("label")).length * 6.5 + 6;
        var top = p.y + n.renderedHeight() / 2;
        var box = { x1: p.x - w / 2, x2: p.x + w / 2, y1: top, y2: top + 16 };
        var clash = shown.some(function (k) {
          return !(box.x2 < k.x1 || box.x1 > k.x2 || box.y2 < k.y1 || box.y1 > k.y2);
        });
        if (clash) {
          n.removeStyle("font-size").removeStyle("min-zoomed-font-size");
        } else {
          n.style({ "font-size": size, "min-zoomed-font-size": 4 });
          shown.push(box);
        }
      });
    }
    majorLabels();
    cy.on("zoom pan", majorLabels);
    cy.on("tap", function (evt) { if (evt.target === cy) { unselect(); } });
    box.setAttribute("data-ready", "true");
  }

  // Fit the drawing, but never blow a small cast up past life size.
  function fit() {
    cy.fit(undefined, 40);
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }
  }

  function select(node) {
    cy.elements().addClass("faded").removeClass("near");
    var hood = node.closedNeighborhood();
    hood.removeClass("faded");
    node.connectedEdges().addClass("near");
    var d = node.data();
    var info = document.getElementById("graph-info");
    document.getElementById("info-name").textContent = d.label;
    var titles = {};
    data.series.forEach(function (s) { titles[s.id] = s.title; });
    document.getElementById("info-series").textContent =
      d.series.map(function (s) { return titles[s] || s; }).join(" → ");
    document.getElementById("info-apps").textContent =
      d.appearances + " scene(s) · met " + (hood.nodes().length - 1) + " shown here";
    var link = document.getElementById("info-link");
    link.setAttribute("href", "/character/" + encodeURIComponent(d.id).replace(/%3A/g, ":"));
    link.textContent = "Open " + d.label;
    info.hidden = false;
  }

  function unselect() {
    cy.elements().removeClass("faded").removeClass("near");
    document.getElementById("graph-info").hidden = true;
  }

  form.addEventListener("input", draw);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("fit").addEventListener("click", function () { if (cy) { fit(); } });

  fetch(box.getAttribute("data-src"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("graph: HTTP " + r.status); } return r.json(); })
    .then(function (json) {
      data = json;
      var most = data.nodes.reduce(function (m, n) { return Math.max(m, n.data.appearances); }, 1);
      form.elements.min.max = String(Math.max(2, Math.min(most, 50)));
      var maxEdges = Math.max(50, data.edges.length);
      form.elements.edges.max = String(maxEdges);
      // A dense cast is a hairball with every link: start big graphs at the strongest 1,500.
      form.elements.edges.value = String(maxEdges > 3000 ? 1500 : maxEdges);
      form.elements.edges.step = String(Math.max(1, Math.round(maxEdges / 80)));
      form.elements.edges.min = "0";
      draw();
    })
    .catch(function (err) { stats.textContent = "The graph could not be loaded."; console.warn(err); });
})();
