/* Storyline explorer, main: draws the view the URL fragment names, and redraws on a change.
   A fragment: render/explorer.py joins core, views and main inside one strict function. */
  var RENDER = { briefing: briefingView, claims: claimsView, figures: figuresView, timeline: timelineView,
    network: networkView, sources: sourcesView, more: moreView };
  function render() {
    if (timelineWidget) { timelineWidget.destroy(); timelineWidget = null; }
    if (networkWidget) { networkWidget.destroy(); networkWidget = null; }
    var tabs = clear(document.getElementById("tabs"));
    VIEWS.forEach(function (v) {
      tabs.appendChild(el("a", { href: "#view=" + v[0], cls: "tab" + (state.view === v[0] ? " on" : ""), "data-view": v[0], text: v[1],
        onclick: function (e) { e.preventDefault(); go({ view: v[0] }); } }));
    });
    clear(view);
    view.setAttribute("data-view", state.view);
    RENDER[state.view]().forEach(function (node) { if (node) view.appendChild(node); });
    document.getElementById("search").value = state.q || "";
    showEvidence();
  }
  document.getElementById("search").addEventListener("change", function (e) { go({ q: e.target.value }, true); });
  window.addEventListener("hashchange", function () { state = readHash(); render(); });
  state = readHash();
  render();
  document.body.setAttribute("data-ready", "1");
