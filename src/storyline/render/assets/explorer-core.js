/* Storyline explorer, core: the data's indexes, text-only DOM helpers, the view state in the
   URL fragment, and the evidence panel. Every string from the reports reaches the page through
   textContent (el() below); nothing from the data is ever parsed as HTML.
   A fragment: render/explorer.py joins core, views and main inside one strict function. */
  var D = JSON.parse(document.getElementById("storyline-data").textContent);
  var VIEWS = [["briefing", "Briefing"], ["claims", "Claims & contradictions"], ["figures", "Figures"],
    ["timeline", "Timeline"], ["network", "Network"], ["sources", "Sources"]];
  if (D.extra && D.extra.length) VIEWS.push(["more", "More results"]);

  // -- indexes -------------------------------------------------------------------------
  var docs = {}, names = {}, stmts = {}, figs = {}, events = {}, quotes = {}, clusterOf = {};
  (D.documents || []).forEach(function (d) { docs[d.id] = d; });
  ((D.network || {}).nodes || []).forEach(function (n) { if (n.name) names[n.id] = n.name; });
  (D.entities || []).forEach(function (e) { names[e.id] = e.name; });
  (D.statements || []).forEach(function (s) { stmts[s.id] = s; });
  (D.figures || []).forEach(function (f) { figs[f.id] = f; });
  (D.events || []).forEach(function (e) { events[e.id] = e; });
  (D.quotes || []).forEach(function (q) { quotes[q.id] = q; });
  var claims = (D.clusters || []).filter(function (c) { return c.id.charAt(0) !== "k"; });
  claims.forEach(function (c) { c.statements.forEach(function (s) { clusterOf[s] = c; }); });

  // -- small DOM helpers: text only ---------------------------------------------------
  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k] == null ? "" : String(attrs[k]);
      else if (k === "cls") node.className = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, String(attrs[k]));
    });
    (kids || []).forEach(function (kid) {
      if (kid == null) return;
      node.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function name(id) {
    if (id == null) return "";
    if (names[id]) return names[id];
    var s = String(id);
    // "author:<doc>": the report's own voice, named by its report.
    return s.indexOf("author:") === 0 ? "the author (" + label(s.slice(7)) + ")" : s;
  }
  function label(docId) { var d = docs[docId]; return d ? d.label : String(docId); }
  function fmt(v) { return v == null ? "?" : Number(v).toLocaleString("en"); }
  function plural(n, w, many) { return n + " " + (n === 1 ? w : (many || w + "s")); }
  // "2023" and "2023-04" as a point in the middle of the year or month.
  function toDate(d) {
    if (!d) return null;
    var s = String(d).slice(0, 10).replace(/\s.*$/, ""), t = Date.parse(s.length === 4 ? s + "-07-01" : s.length === 7 ? s + "-15" : s);
    return isNaN(t) ? null : new Date(t);
  }

  // -- state in the URL fragment -------------------------------------------------------
  var state = {};
  function readHash() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      if (!part) return;
      var i = part.indexOf("=");
      var k = decodeURIComponent(i < 0 ? part : part.slice(0, i));
      out[k] = i < 0 ? "" : decodeURIComponent(part.slice(i + 1));
    });
    if (!out.view || !VIEWS.some(function (v) { return v[0] === out.view; })) out.view = "briefing";
    return out;
  }
  function writeHash() {
    var parts = Object.keys(state).filter(function (k) { return state[k] !== "" && state[k] != null; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(state[k]); });
    history.replaceState(null, "", "#" + parts.join("&"));
  }
  function go(changes, keep) {
    if (!keep) state = { view: state.view };
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    writeHash();
    render();
  }

  // -- evidence ------------------------------------------------------------------------
  // A span: {doc, start, end, text?}. Its paragraph is the stretch of text between blank lines.
  function paragraph(doc, start, end) {
    var text = doc.text || "";
    var a = text.lastIndexOf("\n", Math.max(0, start - 1));
    var b = text.indexOf("\n", end);
    a = a < 0 ? 0 : a + 1;
    b = b < 0 ? text.length : b;
    if (b - a > 1600) { a = Math.max(a, start - 600); b = Math.min(b, end + 600); }
    return [a, b];
  }
  function spanBlock(span, role) {
    var doc = docs[span.doc];
    if (!doc || span.start == null) {
      return el("div", { cls: "span " + role }, [el("div", { cls: "src", text: label(span.doc) }),
        el("p", { text: span.text || "" })]);
    }
    var p = paragraph(doc, span.start, span.end);
    var t = doc.text;
    return el("div", { cls: "span " + role, "data-doc": span.doc, "data-start": span.start, "data-end": span.end }, [
      el("div", { cls: "src" }, [el("span", { text: label(span.doc) }), el("span", { cls: "id", text: " " + span.doc })]),
      el("p", { cls: "para" }, [p[0] > 0 ? "…" : "", t.slice(p[0], span.start),
        el("mark", { cls: "cited", text: t.slice(span.start, span.end) }), t.slice(span.end, p[1]),
        p[1] < t.length ? "…" : ""])
    ]);
  }
  function openEvidence(key) {
    state.ev = key;
    writeHash();
    showEvidence();
  }
  function evidenceFor(key) {
    var i = key.indexOf(":"), kind = key.slice(0, i), id = key.slice(i + 1);
    var out = { title: "", main: [], pro: [], con: [], details: null };
    if (kind === "claim") {
      var c = claims.filter(function (x) { return x.id === id; })[0] || (D.clusters || []).filter(function (x) { return x.id === id; })[0];
      if (!c) return null;
      var members = c.statements.map(function (s) { return stmts[s]; }).filter(Boolean);
      var deny = {}; (c.denying || []).forEach(function (d) { deny[d] = 1; });
      out.title = c.label; out.details = c;
      members.forEach(function (m, n) {
        if (n === 0) out.main.push(m); else if (deny[m.doc]) out.con.push(m); else out.pro.push(m);
      });
      (D.conflicts || []).forEach(function (k) {
        var hit = k.sides.some(function (s) { return members.some(function (m) { return m.doc === s.doc && m.start === s.start; }); });
        if (hit) k.sides.forEach(function (s) {
          if (!members.some(function (m) { return m.doc === s.doc && m.start === s.start; })) out.con.push(s);
        });
      });
    } else if (kind === "conflict") {
      var k = (D.conflicts || []).filter(function (x) { return x.id === id; })[0];
      if (!k) return null;
      out.title = k.summary; out.details = k; out.main = k.sides.slice(0, 1); out.con = k.sides.slice(1);
    } else if (kind === "stmt" || kind === "fig" || kind === "event" || kind === "quote") {
      var r = (kind === "stmt" ? stmts : kind === "fig" ? figs : kind === "event" ? events : quotes)[id];
      if (!r) return null;
      out.title = r.text; out.details = r; out.main = [r];
      var cl = kind === "stmt" ? clusterOf[id] : null;
      if (cl) cl.statements.forEach(function (s) { if (s !== id && stmts[s]) out.pro.push(stmts[s]); });
      if (kind === "fig") {
        (D.figure_tables || []).forEach(function (t) {
          if (t.rows.some(function (row) { return row.figure === id; })) t.rows.forEach(function (row) {
            if (row.figure !== id && figs[row.figure]) out.con.push(figs[row.figure]);
          });
        });
      }
    } else if (kind === "edge") {
      var e = ((D.network || {}).edges || [])[Number(id)];
      if (!e) return null;
      out.title = name(e.source) + " " + e.type + " " + name(e.target) + " (" + plural(e.weight, "report") + ")";
      out.details = e; out.main = (e.evidence || []).slice(0, 1); out.pro = (e.evidence || []).slice(1);
    } else if (kind === "doc") {
      var d = docs[id];
      if (!d) return null;
      out.title = d.label; out.details = { id: d.id, source: d.source, title: d.title, author: d.author };
      out.main = [{ doc: id, start: 0, end: Math.min(d.text.length, (d.text.indexOf("\n") + 1 || d.text.length + 1) - 1) }];
    } else if (kind === "bottom") {
      var b = (D.bottom_line || [])[Number(id)];
      if (!b) return null;
      out.title = b.text; out.details = b;
      out.main = (b.evidence || []).slice(0, 1); out.pro = (b.evidence || []).slice(1);
    } else if (kind === "option" || kind === "implication") {
      var list = kind === "option" ? D.options : D.implications;
      var o = (list || [])[Number(id)];
      if (!o) return null;
      out.title = o.option || o.text; out.details = o;
      out.main = (o.evidence || []).slice(0, 1); out.pro = (o.evidence || []).slice(1);
    } else if (kind === "extra") {
      var j = id.lastIndexOf(":"), rec = (D[id.slice(0, j)] || [])[Number(id.slice(j + 1))];
      if (!rec) return null;
      out.title = rec.text || rec.label || rec.summary || id; out.details = rec;
      var spans = findSpans(rec);
      out.main = spans.slice(0, 1); out.pro = spans.slice(1);
    } else if (kind === "change") {
      var parts = id.split(":"), item = ((D.changes || {})[parts[0]] || [])[Number(parts[1])];
      if (!item) return null;
      out.title = item.text; out.details = item;
      var ev = (item.evidence || []).filter(function (s) { return s.start != null; });
      out.main = ev.slice(0, 1); out.pro = ev.slice(1);
    }
    return out;
  }
  // Spans inside any record: objects with doc/start/end, or statement and figure ids.
  function findSpans(value, found) {
    found = found || [];
    if (Array.isArray(value)) value.forEach(function (v) { findSpans(v, found); });
    else if (value && typeof value === "object") {
      if (value.doc && value.start != null && value.end != null) found.push(value);
      Object.keys(value).forEach(function (k) { if (typeof value[k] === "object") findSpans(value[k], found); });
    } else if (typeof value === "string" && (stmts[value] || figs[value])) found.push(stmts[value] || figs[value]);
    return found;
  }
  function detailsTable(obj) {
    var rows = [];
    Object.keys(obj || {}).forEach(function (k) {
      var v = obj[k];
      if (v == null || v === "" || (Array.isArray(v) && !v.length) || k === "text") return;
      if (typeof v === "object") v = JSON.stringify(v).slice(0, 400);
      rows.push(el("tr", null, [el("th", { text: k }), el("td", { text: v })]));
    });
    return el("table", { cls: "details" }, [el("tbody", null, rows)]);
  }
  function showEvidence() {
    var panel = document.getElementById("evidence");
    clear(panel);
    var ev = state.ev ? evidenceFor(state.ev) : null;
    if (!ev) { panel.hidden = true; return; }
    panel.hidden = false;
    panel.style.top = document.getElementById("top").offsetHeight + "px";
    panel.appendChild(el("div", { cls: "ev-head" }, [el("h2", { text: ev.title || "Evidence" }),
      el("button", { cls: "close", text: "×", title: "close", onclick: function () { delete state.ev; writeHash(); showEvidence(); } })]));
    ev.main.forEach(function (s) { panel.appendChild(spanBlock(s, "main")); });
    if (ev.pro.length) panel.appendChild(el("h3", { text: "Corroborating (" + ev.pro.length + ")" }));
    ev.pro.slice(0, 20).forEach(function (s) { panel.appendChild(spanBlock(s, "pro")); });
    if (ev.con.length) panel.appendChild(el("h3", { text: "Contradicting (" + ev.con.length + ")" }));
    ev.con.slice(0, 20).forEach(function (s) { panel.appendChild(spanBlock(s, "con")); });
    if (ev.details) panel.appendChild(el("details", null, [el("summary", { text: "all fields" }), detailsTable(ev.details)]));
  }
  function evLink(text, key, cls) {
    return el("a", { href: "#", cls: "ev " + (cls || ""), "data-ev": key, text: text,
      onclick: function (event) { event.preventDefault(); openEvidence(key); } });
  }
