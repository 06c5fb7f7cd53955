// Opening "full report" from a citation highlights the cited characters in the report's text.
// The text is one text node, so character offsets map directly onto it.
(function () {
  // Offsets count Unicode code points (as Python does); the DOM counts UTF-16 units.
  function units(text, points) {
    var i = 0;
    for (var n = 0; n < points && i < text.length; n++) {
      var c = text.charCodeAt(i);
      i += (c >= 0xD800 && c <= 0xDBFF) ? 2 : 1;
    }
    return i;
  }
  function highlight(docId, start, end) {
    var box = document.querySelector('.text[data-doc="' + CSS.escape(docId) + '"]');
    if (!box) { return; }
    var old = box.querySelector('mark.hit');
    if (old) { box.textContent = box.textContent; }
    var node = box.firstChild;
    if (!node) { return; }
    var range = document.createRange();
    range.setStart(node, units(node.data, start));
    range.setEnd(node, units(node.data, end));
    var mark = document.createElement('mark');
    mark.className = 'hit';
    range.surroundContents(mark);
    mark.scrollIntoView({ block: 'center' });
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a.open');
    if (!link) { return; }
    event.preventDefault();
    highlight(link.dataset.doc, Number(link.dataset.start), Number(link.dataset.end));
    history.replaceState(null, '', '#doc-' + link.dataset.doc);
  });
})();
