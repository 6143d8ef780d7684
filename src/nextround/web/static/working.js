// A form that posts is sent once: while it is on its way every button of the form is marked
// disabled and a second press (a double click, Enter pressed twice) sends nothing, so one
// press saves one record.
// Some forms take seconds: feedback is split and mapped with the model, a file is read and
// imported; so does a PDF report. A form marked data-working="Mapping the feedback…" (or one
// of its buttons, for a message of its own) also says so while the server works: the button
// pressed shows the message and the page's status line (#working-status) tells a screen reader.
// A submission that does not go ahead after all (another listener stops it, or the user
// stops the page loading) leaves the form working again, so it can be corrected and sent.
// Coming Back to the page, the form works again. A form for a new record (marked
// data-blank-on-back) is blank again too: the browser would otherwise show it filled in as it
// was sent, and the next record typed over it would keep the fields not retyped.
// Without JavaScript the forms post exactly as they always did.
"use strict";

(() => {
  const status = document.getElementById("working-status");
  const busy = new WeakSet(); // forms waiting for the server
  const labels = new WeakMap(); // a button pressed -> what it said before
  const sentBy = new WeakMap(); // an htmx request -> the form it sends
  const navigating = new WeakSet(); // forms posted by the browser itself, not htmx

  const buttons = (form) =>
    [...form.elements].filter((e) => e instanceof HTMLButtonElement && e.type === "submit");

  const posts = (form, submitter) =>
    ((submitter && submitter.getAttribute("formmethod")) || form.method).toLowerCase() === "post";

  const messageFor = (form, submitter) =>
    (submitter && submitter.dataset.working) || form.dataset.working || "";

  const start = (form, submitter, message) => {
    busy.add(form);
    form.setAttribute("aria-busy", "true");
    for (const button of buttons(form)) button.setAttribute("aria-disabled", "true");
    if (!message) return; // sent once, with nothing to say while it is on its way
    // Implicit submission (Enter in a field) presses the form's first button.
    const pressed = submitter instanceof HTMLButtonElement ? submitter : buttons(form)[0];
    if (pressed) {
      labels.set(pressed, [...pressed.childNodes]);
      pressed.replaceChildren(message);
    }
    if (status) status.textContent = message;
  };

  const finish = (form) => {
    busy.delete(form);
    form.removeAttribute("aria-busy");
    for (const button of buttons(form)) {
      button.removeAttribute("aria-disabled");
      const label = labels.get(button);
      if (label) button.replaceChildren(...label);
      labels.delete(button);
    }
    if (status) status.textContent = "";
  };

  // A second press while the first is on its way: dropped before htmx or the browser sees it.
  document.addEventListener(
    "submit",
    (event) => {
      if (busy.has(event.target)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  // An ordinary post. One htmx sends has its default prevented by then: htmx's own events
  // (below) mark it instead.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
    // A search (method get) changes nothing: pressing it again is harmless.
    const message = messageFor(form, event.submitter);
    if (!message && !posts(form, event.submitter)) return;
    start(form, event.submitter, message);
    navigating.add(form);
    // A listener after this one may still stop the submission: then nothing is on its way.
    setTimeout(() => {
      if (event.defaultPrevented) stopped(form);
    }, 0);
  });

  const stopped = (form) => {
    navigating.delete(form);
    if (busy.has(form)) finish(form);
  };
  // The page's loading stopped (Esc, the stop button) or failed before the answer came: the
  // post did not go ahead, and the page stays as it was.
  if (window.navigation) {
    window.navigation.addEventListener("navigateerror", () => {
      for (const form of document.forms) if (navigating.has(form)) stopped(form);
    });
  }

  document.addEventListener("htmx:beforeRequest", (event) => {
    const elt = event.detail.elt;
    const form = elt instanceof HTMLFormElement ? elt : elt.form;
    if (!form) return;
    const trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    const submitter = elt instanceof HTMLButtonElement ? elt : trigger && trigger.submitter;
    const message = messageFor(form, submitter);
    const verb = (event.detail.requestConfig && event.detail.requestConfig.verb) || "";
    if (!message && verb.toLowerCase() !== "post") return;
    sentBy.set(event.detail.xhr, form);
    start(form, submitter, message);
  });

  // The answer has come: the form works again. Told by the request, as the element htmx
  // names in its events changes once the answer replaces the form.
  const answered = (event) => {
    const form = sentBy.get(event.detail.xhr);
    if (form && busy.has(form)) finish(form);
  };
  document.addEventListener("htmx:beforeSwap", answered);
  document.addEventListener("htmx:afterRequest", answered);
  document.addEventListener("htmx:sendAbort", answered);

  // A report link marked data-working (a PDF takes a second or two to build): the file is
  // fetched here, so the link can say it is being built, then saved as the link would have
  // saved it. An answer that is no file (an error page) is opened as the link would have.
  const fetching = new WeakSet();
  const fileName = (response, link) => {
    const given = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") || "");
    return given ? given[1] : link.getAttribute("download") || "";
  };
  document.addEventListener("click", async (event) => {
    const link = event.target instanceof Element && event.target.closest("a[download][data-working]");
    const plain = !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (!link || event.defaultPrevented || event.button !== 0 || !plain) return;
    event.preventDefault();
    if (fetching.has(link)) return;
    fetching.add(link);
    const label = [...link.childNodes];
    link.setAttribute("aria-disabled", "true");
    link.replaceChildren(link.dataset.working);
    if (status) status.textContent = link.dataset.working;
    try {
      const response = await fetch(link.href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const save = document.createElement("a");
      save.href = url;
      save.download = fileName(response, link);
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch {
      window.location.assign(link.href);
    } finally {
      fetching.delete(link);
      link.removeAttribute("aria-disabled");
      link.replaceChildren(...label);
      if (status) status.textContent = "";
    }
  });

  // Back to a page: from the page cache (persisted) or, as the app's pages are not cached,
  // loaded again, when the browser fills the fields back in as they were left.
  const [visit] = performance.getEntriesByType("navigation");
  const cameBack = visit && visit.type === "back_forward";
  const blank = () => {
    for (const form of document.querySelectorAll("form[data-blank-on-back]")) form.reset();
  };
  if (cameBack) blank();
  window.addEventListener("pageshow", (event) => {
    for (const form of document.forms) if (busy.has(form)) stopped(form);
    // Again at pageshow: the browser may fill the fields in after this script has run.
    if (event.persisted || cameBack) blank();
  });
})();
