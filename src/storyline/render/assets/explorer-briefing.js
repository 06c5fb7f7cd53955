/* Storyline explorer, briefing view: what changed since the last run, the bottom line, key figures,
   what is disputed, options and implications.
   A fragment: render/explorer.py joins core, views, briefing and main inside one strict function. */
  function changesSection() {
    var c = D.changes;
    if (!c || c.since == null) return null;
    var kinds = [["new_claims", "New claims"], ["corroborated", "Newly corroborated"], ["disputed", "Newly disputed"],
      ["new_conflicts", "New conflicts"], ["revised_estimates", "Revised estimates"], ["new_actors", "New actors"]];
    var items = [];
    kinds.forEach(function (k) {
      (c[k[0]] || []).forEach(function (item, i) {
        items.push(el("li", null, [el("span", { cls: "tag", text: k[1] }), " ", evLink(item.text, "change:" + k[0] + ":" + i),
          item.note ? el("span", { cls: "detail", text: " — " + item.note }) : null]));
      });
    });
    return el("section", { id: "changes" }, [el("h2", { text: "What changed since run " + c.since }),
      el("p", { cls: "detail", text: plural((c.new_documents || []).length, "new document") }),
      items.length ? el("ul", null, items) : el("p", { cls: "empty", text: "Nothing new." })]);
  }

  function briefingView() {
    var parts = [];
    var ch = changesSection();
    if (ch) parts.push(ch);
    if (D.bottom_line) {  // the briefing's own bottom line: facts first, the reports' analysis apart
      var facts = [], views = [];
      D.bottom_line.forEach(function (b, i) { (b.kind === "commentary" ? views : facts).push([b, i]); });
      var line = function (p) {
        return el("li", null, [evLink(p[0].text, "bottom:" + p[1]), el("span", { cls: "detail", text: " — " + p[0].detail })]);
      };
      parts.push(section("Bottom line", [facts.length ? el("ul", null, facts.slice(0, 10).map(line))
        : el("p", { cls: "empty", text: "No claim of fact is made by more than one independent report, and none is confirmed." })]));
      if (views.length) parts.push(section("Commentary and analysis", [el("ul", null, views.map(line))]));
    } else {
      var bottom = claims.slice().sort(function (a, b) { return b.sources.length - a.sources.length; }).slice(0, 8);
      parts.push(section("Bottom line", [bottom.length ? el("ul", null, bottom.map(function (c) {
        return el("li", null, [evLink(c.label, "claim:" + c.id), el("span", { cls: "detail", text: " — " + c.corroboration })]);
      })) : el("p", { cls: "empty", text: "No claim is made by more than one independent report." })]));
    }
    parts.push(section("Key figures", [(D.figure_tables || []).length ? el("ul", null, D.figure_tables.slice(0, 12).map(function (t) {
      return el("li", null, [el("a", { href: "#view=figures&table=" + encodeURIComponent(t.id), text: t.measure }),
        el("span", { cls: "detail", text: " — " + plural(t.rows.length, "figure") + ", " + t.assessment })]);
    })) : el("p", { cls: "empty", text: "No figure is reported on the same measure by more than one report." })]));
    parts.push(section("What is disputed", [(D.conflicts || []).length ? el("ul", null, D.conflicts.slice(0, 15).map(function (k) {
      return el("li", null, [evLink(k.summary, "conflict:" + k.id), el("span", { cls: "tag", text: k.kind + (k.assessment ? ", " + k.assessment : "") })]);
    })) : el("p", { cls: "empty", text: "The reports do not contradict each other on anything Storyline checks." })]));
    parts.push(section("Options", [el("ul", null, (D.options || []).map(function (o, i) {
      return el("li", null, [evLink(o.option, "option:" + i), el("span", { cls: "detail",
        text: " — advocates: " + ((o.advocates || []).map(name).join(", ") || "none named") +
          "; opponents: " + ((o.opponents || []).map(name).join(", ") || "none named") })]);
    }))]));
    // One line per sentence, naming every region or actor it bears on.
    var byText = {}, order = [];
    (D.implications || []).forEach(function (o, i) {
      if (!byText[o.text]) { byText[o.text] = { i: i, names: [] }; order.push(o.text); }
      if (byText[o.text].names.indexOf(o.target_name) < 0) byText[o.text].names.push(o.target_name);
    });
    parts.push(section("Implications", [el("ul", null, order.slice(0, 12).map(function (t) {
      return el("li", null, [evLink(t, "implication:" + byText[t].i), el("span", { cls: "detail", text: " — for " + byText[t].names.join(", ") })]);
    }))]));
    return parts;
  }
