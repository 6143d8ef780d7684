// A page that answers a form (a POST: the form shown again with its errors) takes the
// address of the page the form is on. Reloading it, bookmarking it or coming Back to it then
// asks for that page, instead of the browser offering to send the form again.
"use strict";

const address = document.body.dataset.address;
if (address && window.history.replaceState) {
  window.history.replaceState(null, "", address + window.location.hash);
}
