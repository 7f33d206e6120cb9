(function () {
  "use strict";
  var map = document.getElementById("data-map");
  var panel = document.getElementById("map-details");
  if (!map || !panel) { return; }
  var title = panel.querySelector(".details-title");
  var text = panel.querySelector(".details-text");
  function show(event) {
    var item = event.target.closest ? event.target.closest("a") : null;
    if (!item || !map.contains(item)) { return; }
    var name = item.querySelector("title");
    var details = item.querySelector("desc");
    title.textContent = name ? name.textContent : "";
    text.textContent = details ? details.textContent : "";
  }
  map.addEventListener("mouseover", show);
  map.addEventListener("focusin", show);
}());
