// The journey editor, enhanced. Every form works without this file: each posts, and the
// server redirects back to its card with a notice. With it:
// - a card (stage notes, touchpoint, the journey's details) saves in place with fetch; the
//   page stays where it is and every other card keeps what was typed into it;
// - errors appear at their fields in the reader's language, and focus moves to the first;
// - a save that has to reload the page (adding, moving, deleting) carries the other cards'
//   unsaved changes across the reload (sessionStorage), so none is lost;
// - leaving with unsaved changes asks first (beforeunload);
// - every save is announced in a live region ("Saved.").
// `window.taithEditor` tells tests (and the curious) how many cards hold unsaved changes and
// whether leaving would warn.
(() => {
  "use strict";
  const editor = document.querySelector("[data-editor]");
  if (!editor) return;
  const words = editor.dataset;
  const status = document.getElementById("editor-status");
  const stashKey = "taith-editor:" + words.journey;
  /** Forms a person types into (not the move and delete buttons). */
  const tracked = () =>
    [...editor.querySelectorAll("form")].filter((f) =>
      f.querySelector("input:not([type=hidden]), select, textarea"));
  const baseline = new WeakMap();
  let leaving = false;
  let clearTimer = 0;

  /** A form's values as a string, without the CSRF token. */
  function values(form) {
    const data = new FormData(form);
    data.delete("csrf");
    return new URLSearchParams(data).toString();
  }
  const isDirty = (form) => baseline.has(form) && values(form) !== baseline.get(form);
  const dirtyForms = () => tracked().filter(isDirty);
  /** Which form this is, across a reload: adding a touchpoint has one form per stage. */
  function keyOf(form) {
    const stage = form.querySelector("[name=stage_id]");
    return form.getAttribute("action") + "|" + (stage ? stage.value : "");
  }

  function mark(form) {
    const dirty = isDirty(form);
    form.classList.toggle("dirty", dirty);
    const details = form.closest("details");
    const flag = details && details.querySelector(":scope > summary .dirty-mark");
    if (flag) flag.hidden = !dirty;
    state.dirty = dirtyForms().length;
  }

  function announce(text, problem) {
    window.clearTimeout(clearTimer);
    status.classList.toggle("problem", !!problem);
    status.textContent = "";
    // A moment later, so that the same words twice are announced twice.
    window.setTimeout(() => {
      status.textContent = text;
      if (!problem) clearTimer = window.setTimeout(() => { status.textContent = ""; }, 8000);
    }, 30);
  }

  function clearErrors(form) {
    form.querySelectorAll(".error").forEach((e) => e.remove());
    form.querySelectorAll("[aria-invalid]").forEach((c) => {
      c.removeAttribute("aria-invalid");
      c.removeAttribute("aria-describedby");
    });
  }

  function showErrors(form, errors) {
    let first = null;
    for (const { field, message } of errors) {
      const box = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
      const control =
        form.querySelector(`[name="${CSS.escape(field)}"]:not([type=hidden])`) ||
        (box && box.querySelector("input:not([type=hidden]), select, textarea"));
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = message;
      if (control) {
        p.id = control.id + "-error";
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", p.id);
        control.insertAdjacentElement("afterend", p);
        if (!first) first = control;
      } else {
        // A field with no control of its own (the touchpoint's stage): above the buttons.
        const buttons = form.querySelector(".buttons") || form.lastElementChild;
        buttons.insertAdjacentElement("beforebegin", p);
      }
    }
    const details = form.closest("details");
    if (details) details.open = true;
    (first || form.querySelector("input:not([type=hidden]), select, textarea")).focus();
  }

  /** Shows on the card what was saved (its name, channel, owner). */
  function updateCard(form, card) {
    if (!card) return;
    const tp = form.closest("[data-touchpoint]");
    const stage = form.closest("[data-stage]");
    if (tp) {
      tp.querySelector(".tp-name").textContent = card.name;
      tp.querySelector(".tp-channel").textContent = card.channel;
      tp.querySelector(".tp-owner").textContent = card.owner;
      tp.querySelector(".tp-mot").hidden = !card.moment_of_truth;
    } else if (stage && card.name) {
      stage.querySelector(".stage-head h3").textContent = card.name;
    }
  }

  /** Saves on their way. */
  const pending = new Set();

  function save(form) {
    if (form.dataset.saving) return;
    const done = send(form);
    pending.add(done);
    done.finally(() => pending.delete(done));
  }

  async function send(form) {
    form.dataset.saving = "1";
    form.setAttribute("aria-busy", "true");
    const sent = values(form);
    announce(words.saving);
    let response = null;
    let answer = null;
    try {
      response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const type = response.headers.get("content-type") || "";
      if (type.includes("application/json")) answer = await response.json();
    } catch (_) {
      answer = null;
    }
    delete form.dataset.saving;
    form.removeAttribute("aria-busy");
    if (response && response.ok && answer && answer.ok) {
      clearErrors(form);
      // What was sent is saved; anything typed meanwhile stays unsaved.
      baseline.set(form, sent);
      mark(form);
      updateCard(form, answer.card);
      announce(answer.message || words.saved);
    } else if (answer && Array.isArray(answer.errors)) {
      clearErrors(form);
      showErrors(form, answer.errors);
      announce(answer.message || words.invalid, true);
    } else if (response) {
      // Refused without a form's errors: signed out (the CSRF token expired), not allowed…
      announce(words.refused, true);
    } else {
      announce(words.failed, true);
    }
  }

  /** Keeps the other forms' unsaved changes for the page that a plain submit loads next. */
  function stash(except) {
    const forms = dirtyForms()
      .filter((f) => f !== except)
      .map((f) => ({ key: keyOf(f), values: values(f) }));
    try {
      if (forms.length) {
        sessionStorage.setItem(stashKey, JSON.stringify({ at: Date.now(), forms }));
      } else {
        sessionStorage.removeItem(stashKey);
      }
    } catch (_) {
      // Storage refused (private mode, full): leaving will warn instead.
      return false;
    }
    return true;
  }

  function fill(form, params) {
    for (const el of form.elements) {
      if (!el.name || el.name === "csrf" || el.type === "hidden") continue;
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = params.getAll(el.name).includes(el.value);
      } else {
        el.value = params.get(el.name) || "";
      }
    }
  }

  /** Puts back the unsaved changes kept across a reload; returns how many forms got theirs. */
  function unstash() {
    let stashed = null;
    try {
      stashed = JSON.parse(sessionStorage.getItem(stashKey) || "null");
      sessionStorage.removeItem(stashKey);
    } catch (_) {
      return 0;
    }
    if (!stashed || !Array.isArray(stashed.forms) || Date.now() - stashed.at > 3600e3) return 0;
    let kept = 0;
    for (const { key, values: v } of stashed.forms) {
      const form = tracked().find((f) => keyOf(f) === key);
      if (!form) continue;
      fill(form, new URLSearchParams(v));
      const details = form.closest("details");
      if (details) details.open = true;
      mark(form);
      kept += 1;
    }
    if (kept) announce(words.kept);
    return kept;
  }

  const state = {
    dirty: 0,
    /** True when leaving now would ask first. */
    warnsOnLeave: () => !leaving && dirtyForms().length > 0,
  };
  window.taithEditor = state;

  for (const form of tracked()) baseline.set(form, values(form));

  const changed = (event) => {
    const form = event.target.form;
    if (form && baseline.has(form)) mark(form);
  };
  editor.addEventListener("input", changed);
  editor.addEventListener("change", changed);

  // On the document, after app.js's listener, so that a declined "Delete…?" stops here.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || !editor.contains(form)) return;
    if (form.hasAttribute("data-save") && window.fetch) {
      event.preventDefault();
      save(form);
      return;
    }
    // This save reloads the page: the other cards' changes go across it. A save still on
    // its way would be cut off by the reload, so the reload waits for it.
    if (pending.size) {
      event.preventDefault();
      Promise.allSettled([...pending]).then(() => {
        if (stash(form)) leaving = true;
        HTMLFormElement.prototype.submit.call(form);
      });
      return;
    }
    if (stash(form)) leaving = true;
  });

  window.addEventListener("beforeunload", (event) => {
    if (state.warnsOnLeave()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  window.addEventListener("pageshow", () => { leaving = false; });

  // Escape closes the card being edited (what was typed stays) and returns to its summary.
  editor.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const details = event.target.closest("details.card-edit[open]");
    if (!details) return;
    details.open = false;
    details.querySelector("summary").focus();
  });

  const kept = unstash();
  // A form the server sent back with errors (saved without this script): its first error.
  const invalid = editor.querySelector("[aria-invalid=true]");
  const notice = document.getElementById("editor-notice");
  if (invalid) {
    invalid.focus();
  } else if (notice && location.hash === "#editor-notice") {
    notice.focus();
  } else if (notice && !kept) {
    announce(notice.querySelector("p").textContent);
  }
})();
