// A wide table's scroll box (scroll_box in _macros.html) is a Tab stop, so a keyboard user
// can scroll it with the arrow keys. A box whose table fits would be a stop with nothing to
// do: it gives the stop up while nothing overflows, and takes it back once a narrower
// window makes the table scroll. Without JavaScript every box keeps its stop.
"use strict";

(() => {
  const watched = new WeakSet();

  const fit = (box) => {
    const scrolls = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
    if (scrolls) box.setAttribute("tabindex", "0");
    // The box in focus keeps its stop until it is left: the focus is not pulled away.
    else if (box !== document.activeElement) box.removeAttribute("tabindex");
  };

  // The box's own size and its table's: either can change what overflows.
  const resized = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const box = entry.target.closest(".scroll-box");
      if (box) fit(box);
    }
  });

  const watch = (root) => {
    const boxes = [...root.querySelectorAll(".scroll-box")];
    if (root.matches && root.matches(".scroll-box")) boxes.push(root);
    for (const box of boxes) {
      if (watched.has(box)) continue;
      watched.add(box);
      resized.observe(box);
      for (const child of box.children) resized.observe(child);
      box.addEventListener("blur", () => fit(box));
      fit(box);
    }
  };

  watch(document);
  // A list swapped in by htmx (the applications filter) brings its own box.
  document.addEventListener("htmx:load", (event) => watch(event.target));
})();
