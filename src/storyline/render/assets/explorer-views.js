/* Storyline explorer, views: claims and contradictions, figures, timeline, network,
   sources, and any other result list.
   A fragment: render/explorer.py joins core, views, briefing and main inside one strict function. */
  // -- views ---------------------------------------------------------------------------
  var view = document.getElementById("view");
  function section(title, kids) { return el("section", null, [el("h2", { text: title })].concat(kids)); }

  function claimActors(c) {
    var ids = {};
    c.statements.forEach(function (s) {
      var r = stmts[s]; if (!r) return;
      if (r.source) ids[r.source] = 1;
      (r.actors || []).forEach(function (a) { ids[a] = 1; });
    });
    return ids;
  }
  function claimStatus(c) {
    if ((c.denying || []).length) return "disputed";
    if (c.confirmed) return "confirmed";
    if ((c.hedging || []).length && (c.hedging || []).length >= c.sources.length) return "hedged";
    return c.sources.length > 1 ? "corroborated" : "single source";
  }
  function inDates(docIds) {
    return docIds.some(function (d) {
      var p = (docs[d] || {}).published || "";
      return (!state.from || p >= state.from) && (!state.to || (p && p.slice(0, state.to.length) <= state.to));
    });
  }
  function options(select, values, current) {
    values.forEach(function (v) { var o = el("option", { value: v[0], text: v[1] }); if (v[0] === current) o.selected = true; select.appendChild(o); });
    return select;
  }
  function claimsView() {
    var actorIds = {};
    claims.forEach(function (c) { Object.keys(claimActors(c)).forEach(function (a) { actorIds[a] = (actorIds[a] || 0) + 1; }); });
    var actorList = Object.keys(actorIds).sort(function (a, b) { return actorIds[b] - actorIds[a] || name(a).localeCompare(name(b)); });
    var controls = el("div", { cls: "controls" }, [
      el("label", { text: "actor " }, [options(el("select", { id: "f-actor", onchange: function (e) { go({ actor: e.target.value }, true); } }),
        [["", "any"]].concat(actorList.map(function (a) { return [a, name(a) + " (" + actorIds[a] + ")"]; })), state.actor)]),
      el("label", { text: " status " }, [options(el("select", { id: "f-status", onchange: function (e) { go({ status: e.target.value }, true); } }),
        [["", "any"], ["corroborated", "corroborated"], ["confirmed", "confirmed"], ["disputed", "disputed"], ["hedged", "hedged"]], state.status)]),
      el("label", { text: " source " }, [options(el("select", { id: "f-source", onchange: function (e) { go({ source: e.target.value }, true); } }),
        [["", "any"]].concat((D.documents || []).filter(function (d) { return !d.duplicate_of; }).map(function (d) { return [d.id, d.label]; })), state.source)]),
      el("label", { text: " from " }, [el("input", { id: "f-from", type: "text", size: 10, placeholder: "YYYY-MM-DD", value: state.from || "",
        onchange: function (e) { go({ from: e.target.value }, true); } })]),
      el("label", { text: " to " }, [el("input", { id: "f-to", type: "text", size: 10, placeholder: "YYYY-MM-DD", value: state.to || "",
        onchange: function (e) { go({ to: e.target.value }, true); } })]),
      el("label", { text: " sort " }, [options(el("select", { id: "f-sort", onchange: function (e) { go({ sort: e.target.value }, true); } }),
        [["", "most corroborated"], ["least", "least corroborated"], ["date", "earliest report"]], state.sort)])
    ]);
    var q = (state.q || "").toLowerCase();
    var rows = claims.filter(function (c) {
      if (state.actor && !claimActors(c)[state.actor]) return false;
      if (state.status && claimStatus(c) !== state.status) return false;
      if (state.source && c.sources.indexOf(state.source) < 0 && !c.statements.some(function (s) { return stmts[s] && stmts[s].doc === state.source; })) return false;
      if ((state.from || state.to) && !inDates(c.sources)) return false;
      if (q && c.label.toLowerCase().indexOf(q) < 0) return false;
      return true;
    });
    var first = function (c) { return c.sources.map(function (d) { return (docs[d] || {}).published || "9"; }).sort()[0] || "9"; };
    rows.sort(function (a, b) {
      if (state.sort === "date") return first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0;
      var d = b.sources.length - a.sources.length;
      return state.sort === "least" ? -d : d;
    });
    var table = el("table", { cls: "list", id: "claims-table" }, [el("thead", null, [el("tr", null, ["claim", "status", "sources", "corroboration"].map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", null, rows.slice(0, 300).map(function (c) {
        return el("tr", { "data-claim": c.id }, [el("td", null, [evLink(c.label, "claim:" + c.id)]), el("td", { text: claimStatus(c) }),
          el("td", { text: c.sources.length }), el("td", { cls: "detail", text: c.corroboration })]);
      }))]);
    var conflicts = (D.conflicts || []).filter(function (k) {
      if (state.source && !k.sides.some(function (s) { return s.doc === state.source; })) return false;
      if (q && k.summary.toLowerCase().indexOf(q) < 0) return false;
      if (state.actor) {
        var n = name(state.actor).toLowerCase();
        if (!k.sides.some(function (s) { return (s.text || "").toLowerCase().indexOf(n) >= 0; }) && k.summary.toLowerCase().indexOf(n) < 0) return false;
      }
      return true;
    });
    return [controls, section("Claims (" + rows.length + (rows.length > 300 ? ", first 300 shown" : "") + ")", [table]),
      section("Contradictions (" + conflicts.length + ")", [el("ul", { id: "conflict-list" }, conflicts.map(function (k) {
        return el("li", null, [el("span", { cls: "tag", text: k.kind }), " ", evLink(k.summary, "conflict:" + k.id)]);
      }))])];
  }

  function figuresView() {
    var tables = D.figure_tables || [];
    var pick = tables.filter(function (t) { return t.id === state.table; })[0];
    var list = el("ul", { cls: "measures" }, tables.map(function (t) {
      return el("li", { cls: pick === t ? "on" : "" }, [el("a", { href: "#", text: t.measure + " (" + t.rows.length + ")",
        onclick: function (e) { e.preventDefault(); go({ table: t.id }, true); } }), el("span", { cls: "tag", text: t.assessment })]);
    }));
    var body = [el("div", { cls: "side" }, [list])];
    var shown = pick ? [pick] : tables.slice(0, 6);
    var main = el("div", { cls: "tables" });
    shown.forEach(function (t) {
      var extraCols = {};
      t.rows.forEach(function (r) { Object.keys(r).forEach(function (k) {
        if (["figure", "doc", "value", "low", "high", "qualifier", "stage", "date", "source", "text"].indexOf(k) < 0 && r[k] != null) extraCols[k] = 1; }); });
      var extra = Object.keys(extraCols);
      var head = ["figure", "stage", "date", "given by", "report"].concat(extra);
      main.appendChild(el("div", { cls: "figure-table" }, [el("h3", { text: t.measure + " — " + t.assessment }),
        chart(t),
        el("table", { cls: "list" }, [el("thead", null, [el("tr", null, head.map(function (h) { return el("th", { text: h }); }))]),
          el("tbody", null, t.rows.map(function (r) {
            var value = (r.qualifier ? r.qualifier + " " : "") + (r.value == null && r.low != null ? fmt(r.low) + "–" + fmt(r.high) : fmt(r.value));
            return el("tr", null, [el("td", null, [evLink(value, "fig:" + r.figure)]), el("td", { text: r.stage || "" }),
              el("td", { text: r.date || "" }), el("td", { text: r.source || "" }), el("td", { text: label(r.doc) })].concat(
              extra.map(function (k) { var v = r[k]; return el("td", { text: typeof v === "object" ? JSON.stringify(v) : v }); })));
          }))])]));
    });
    if (!tables.length) main.appendChild(el("p", { cls: "empty", text: "No figure is reported on the same measure by more than one report." }));
    body.push(main);
    return [el("div", { cls: "split" }, body)];
  }
  // Each measure's figures over time, one series per source (date: the figure's own, else its report's).
  var compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
  function chart(t) {
    var box = el("div", { cls: "chart" });
    if (typeof uPlot === "undefined") return box;
    var points = t.rows.map(function (r) {
      var d = toDate(r.date || (docs[r.doc] || {}).published);
      var v = r.value != null ? r.value : (r.low != null && r.high != null ? (r.low + r.high) / 2 : null);
      var ts = d ? d.getTime() / 1000 : NaN;
      return { x: ts, y: v, s: r.source || label(r.doc) };
    }).filter(function (p) { return !isNaN(p.x) && p.y != null; });
    if (points.length < 1) return box;
    // One series per source; past the eight that give most figures, the rest share one.
    var bySource = {};
    points.forEach(function (p) { bySource[p.s] = (bySource[p.s] || 0) + 1; });
    var top = Object.keys(bySource).sort(function (a, b) { return bySource[b] - bySource[a]; }).slice(0, 8);
    points.forEach(function (p) { if (top.indexOf(p.s) < 0) p.s = "other sources"; });
    var xs = Array.from(new Set(points.map(function (p) { return p.x; }))).sort(function (a, b) { return a - b; });
    var sources = Array.from(new Set(points.map(function (p) { return p.s; })));
    var palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
    var data = [xs].concat(sources.map(function (s) {
      return xs.map(function (x) { var p = points.filter(function (q) { return q.s === s && q.x === x; })[0]; return p ? p.y : null; });
    }));
    var series = [{}].concat(sources.map(function (s, i) {
      return { label: s, stroke: palette[i % palette.length], width: 0, points: { show: true, size: 8, fill: palette[i % palette.length] }, spanGaps: true };
    }));
    requestAnimationFrame(function () {
      try { new uPlot({ width: Math.min(760, (box.clientWidth || 700)), height: 220, series: series, scales: { x: { time: true } },
        axes: [{}, { size: 80, values: function (u, vals) { return vals.map(function (v) { return v == null ? "" : compact.format(v); }); } }] }, data, box); }
      catch (e) { box.appendChild(el("p", { cls: "empty", text: "chart unavailable" })); }
    });
    return box;
  }

  var timelineWidget = null, networkWidget = null;
  function timelineView() {
    var box = el("div", { id: "timeline-box" });
    var entries = (D.timeline || []).filter(function (t) { return toDate(t.date); });
    var q = (state.q || "").toLowerCase();
    if (q) entries = entries.filter(function (t) { return t.text.toLowerCase().indexOf(q) >= 0; });
    requestAnimationFrame(function () {
      if (typeof vis === "undefined") return;
      var items = entries.slice(0, 2000).map(function (t, i) {
        var short = t.text.length > 70 ? t.text.slice(0, 68) + "…" : t.text;
        return { id: i, start: toDate(t.date), content: short, className: t.undated ? "undated" : t.kind,
          key: (t.kind === "event" ? "event:" : "stmt:") + t.ref };
      });
      var ds = new vis.DataSet(items);
      // Open on where most entries are (10th to 90th percentile), not on the outliers.
      var times = items.map(function (it) { return it.start.getTime(); }).sort(function (a, b) { return a - b; });
      var lo = times[Math.floor(times.length * 0.1)] || Date.now(), hi = times[Math.floor(times.length * 0.9)] || lo;
      var pad = Math.max(3 * 864e5, (hi - lo) * 0.1);
      // vis-timeline renders "content" as HTML unless the template returns an element: give it one holding text.
      var tl = new vis.Timeline(box, ds, { height: "520px", zoomable: true, stack: true, maxHeight: 520,
        start: new Date(lo - pad), end: new Date(hi + pad),
        template: function (item) { return el("span", { text: item.content }); },
        tooltip: { followMouse: false, overflowMethod: "cap" } });
      tl.on("select", function (props) {
        if (!props.items.length) return;
        var item = ds.get(props.items[0]);
        openEvidence(item.key);
      });
      timelineWidget = tl;
    });
    return [el("p", { cls: "detail", text: plural(entries.length, "dated entry", "dated entries") + (entries.length > 2000 ? " (first 2,000 shown)" : "") +
      "; scroll to zoom, drag to pan, click an item for its evidence." }), box];
  }

  function networkView() {
    var box = el("div", { id: "network-box" });
    var net = D.network || { nodes: [], edges: [] };
    var edges = (net.edges || []).map(function (e, i) { return [e, i]; });
    if (state.actor) edges = edges.filter(function (p) { return p[0].source === state.actor || p[0].target === state.actor; });
    edges = edges.sort(function (a, b) { return b[0].weight - a[0].weight; }).slice(0, 600);
    var used = {};
    edges.forEach(function (p) { used[p[0].source] = 1; used[p[0].target] = 1; });
    var colors = { cooperates: "#2ca02c", supports: "#1f77b4", supplies: "#17becf", deploys_to: "#ff7f0e", sanctions: "#9467bd",
      opposes: "#d62728", threatens: "#8c564b", consults: "#7f7f7f" };
    var elements = Object.keys(used).map(function (id) { return { data: { id: id, label: name(id) } }; }).concat(edges.map(function (p) {
      return { data: { id: "e" + p[1], source: p[0].source, target: p[0].target, label: p[0].type + " (" + p[0].weight + ")",
        weight: p[0].weight, color: colors[p[0].type] || "#555", index: p[1] } };
    }));
    requestAnimationFrame(function () {
      if (typeof cytoscape === "undefined") return;
      var cy = cytoscape({ container: box, elements: elements, 
        layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 8000 },
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#4a6fa5", width: 14, height: 14 } },
          { selector: "edge", style: { width: "mapData(weight, 1, 10, 1.5, 8)", "line-color": "data(color)", "target-arrow-color": "data(color)",
            "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 8, "text-rotation": "autorotate", color: "#333" } },
          { selector: "edge:selected", style: { "line-color": "#000", "target-arrow-color": "#000" } }
        ] });
      cy.on("tap", "edge", function (evt) { openEvidence("edge:" + evt.target.data("index")); });
      cy.on("tap", "node", function (evt) { go({ actor: evt.target.id() }, true); });
      networkWidget = cy;
      box.cy = cy;
    });
    var legend = el("p", { cls: "detail" }, [plural(edges.length, "relation") + (state.actor ? " of " + name(state.actor) : "") +
      "; edge width = independent reports; click an edge for its evidence, a node to focus on it. "].concat(
      Object.keys(colors).map(function (k) { return el("span", { cls: "swatch", style: "border-color:" + colors[k], text: k }); })));
    var list = el("details", { cls: "edge-list" }, [el("summary", { text: "relations as a list" }), el("ul", null, edges.map(function (p) {
      var e = p[0];
      return el("li", null, [evLink(name(e.source) + " " + e.type + " " + name(e.target), "edge:" + p[1]), el("span", { cls: "detail", text: " — " + plural(e.weight, "report") })]);
    }))]);
    return [legend, state.actor ? el("a", { href: "#", text: "show every actor", onclick: function (e) { e.preventDefault(); go({ actor: "" }, true); } }) : null, box, list];
  }

  function sourcesView() {
    var rows = (D.documents || []).map(function (d) {
      var reasons = {};
      (d.removed || []).forEach(function (r) { reasons[r.reason] = (reasons[r.reason] || 0) + 1; });
      var removed = el("details", null, [el("summary", { text: plural((d.removed || []).length, "span") + " removed" })].concat(
        (d.removed || []).slice(0, 50).map(function (r) { return el("div", { cls: "removed" }, [el("span", { cls: "tag", text: r.reason }), " ", el("span", { text: r.text })]); })));
      return el("tr", { "data-doc": d.id }, [el("td", null, [evLink(d.outlet || d.label, "doc:" + d.id)]), el("td", { text: d.published || "" }),
        el("td", { text: d.title || "" }), el("td", { text: d.duplicate_of ? "copy of " + label(d.duplicate_of) : (d.republished_from ? "republished from " + d.republished_from : "original") }),
        el("td", { text: d.word_count }), el("td", null, [removed])]);
    });
    return [section("Sources (" + rows.length + ")", [el("table", { cls: "list" }, [el("thead", null, [el("tr", null,
      ["outlet", "published", "title", "syndication", "words", "what cleaning removed"].map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", null, rows)])])];
  }

  function moreView() {
    return (D.extra || []).map(function (key) {
      var list = D[key] || [];
      return section(key + " (" + list.length + ")", [el("ul", null, list.slice(0, 300).map(function (rec, i) {
        var text = typeof rec === "object" && rec ? (rec.text || rec.label || rec.summary || rec.measure || rec.id || JSON.stringify(rec).slice(0, 160)) : String(rec);
        return el("li", null, [evLink(text, "extra:" + key + ":" + i)]);
      }))]);
    });
  }
