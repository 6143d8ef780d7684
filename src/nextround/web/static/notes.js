// Copy buttons on the notes pages: copy the text of the field named by data-copy.
// Without JavaScript the buttons stay hidden and the text can be selected by hand.
"use strict";

document.querySelectorAll("button[data-copy]").forEach((button) => {
  button.hidden = false;
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  const status = document.getElementById("copy-status");
  try {
    await navigator.clipboard.writeText(source.value);
  } catch (error) {
    // Older browsers, or no permission: select the text and use the legacy command.
    source.select();
    document.execCommand("copy");
  }
  const label = button.textContent;
  button.textContent = "Copied";
  if (status) status.textContent = "The note's text is on the clipboard.";
  setTimeout(() => {
    button.textContent = label;
  }, 2000);
});
