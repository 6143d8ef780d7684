// After a saved form the server redirects back with a message, often to the #section that
// changed. The focus goes there (or to the message), so a keyboard or screen-reader user
// carries on from what changed instead of from "Skip to content" at the top of the page.
// Without JavaScript the page works as before: the message is shown and the page scrolls.
"use strict";

(() => {
  const box = document.querySelector("#messages .flash-box[open]");
  // No message: an ordinary visit, left alone. A refused form puts the focus on its first
  // bad field itself (autofocus).
  if (!box || document.querySelector("[autofocus]")) return;

  // Focus ``target`` without scrolling (the browser has already scrolled to the section,
  // below the pinned message); false when it cannot take the focus (hidden, say).
  const land = (target, describedBy) => {
    if (!target) return false;
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    const described = describedBy && !target.hasAttribute("aria-describedby");
    if (described) target.setAttribute("aria-describedby", describedBy);
    target.classList.add("landed");
    target.focus({ preventScroll: true });
    if (document.activeElement === target) {
      if (described) {
        // Read once with the section, then the section is itself again.
        const forget = () => target.removeAttribute("aria-describedby");
        target.addEventListener("blur", forget, { once: true });
      }
      return true;
    }
    if (described) target.removeAttribute("aria-describedby");
    target.classList.remove("landed");
    return false;
  };

  let section = null;
  try {
    const id = decodeURIComponent(window.location.hash.slice(1));
    section = id ? document.getElementById(id) : null;
  } catch (error) {
    section = null; // a malformed #fragment: the message takes the focus
  }
  // A screen reader reads the section with the message as its description.
  const said = [...box.querySelectorAll(".flash, .flash-warning")]
    .map((p, n) => (p.id ||= `flash-${n + 1}`))
    .join(" ");
  if (!(section && land(section, said))) land(document.getElementById("messages"), null);
})();
