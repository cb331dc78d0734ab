// The writing desk of the post form: live preview, summaries that follow the post's language,
// and a draft kept on the server (and in this browser) so that nothing typed is lost.
"use strict";

(function () {
  const desk = document.getElementById("desk");
  const form = desk && desk.closest("form");
  const body = document.getElementById("id_body");
  if (!form || !body) {
    return;
  }
  const text = desk.dataset;
  const language = document.getElementById("id_language");
  const csrfToken = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const storageKey = `carnet-draft:${text.user}:${text.post || "new"}`;
  const interfaceLanguage = document.documentElement.lang || undefined;
  const SAVE_EVERY_MS = 4000;
  const PREVIEW_DELAY_MS = 400;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, name) => values[name]);
  }

  function post(url, init) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      ...init,
      headers: { "X-CSRFToken": csrfToken, ...(init.headers || {}) },
    });
  }

  // --- Live preview, rendered on the server by the function that renders the published post.
  const preview = document.getElementById("desk-preview");
  const stats = document.getElementById("desk-stats");
  let previewTimer = null;
  let previewRequest = 0;

  function refreshPreview() {
    const request = ++previewRequest;
    // The post's language too: French spaces its punctuation, as the post's page will.
    const data = new URLSearchParams({ body: body.value, markup: text.markup, language: language ? language.value : "" });
    post(text.previewUrl, { body: data })
      .then((response) => {
        if (!response.ok) {
          throw new Error(response.statusText);
        }
        return response.text().then((html) => ({ html, response }));
      })
      .then(({ html, response }) => {
        if (request !== previewRequest) {
          return; // an older answer arriving late
        }
        preview.innerHTML = html; // cleaned by nh3 on the server, as a published post is
        const number = new Intl.NumberFormat(interfaceLanguage);
        stats.textContent = fill(text.stats, {
          words: number.format(Number(response.headers.get("X-Word-Count"))),
          minutes: number.format(Number(response.headers.get("X-Reading-Minutes"))),
        });
        preview.classList.remove("desk-stale");
      })
      .catch(() => preview.classList.add("desk-stale"));
  }

  body.addEventListener("input", () => {
    preview.classList.add("desk-stale");
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, PREVIEW_DELAY_MS);
  });

  // --- Summaries: the one in the other language first and open; the post's own one below, folded.
  const summaries = document.getElementById("desk-summaries");

  function arrangeSummaries() {
    const own = language.value;
    const blocks = Array.from(summaries.querySelectorAll(".desk-summary"));
    blocks.sort((a, b) => (a.dataset.language === own) - (b.dataset.language === own));
    for (const block of blocks) {
      const isOwn = block.dataset.language === own;
      summaries.append(block); // moving a node keeps what its textarea holds
      block.querySelector(".desk-summary-other").hidden = isOwn;
      block.querySelector(".desk-summary-own").hidden = !isOwn;
      if (!isOwn || block.querySelector("textarea").value.trim()) {
        block.open = true;
      }
    }
    preview.lang = own;
  }

  if (language && summaries) {
    language.addEventListener("change", arrangeSummaries);
    language.addEventListener("change", refreshPreview); // spaced for the language chosen
  }

  // --- Drafts: every field of the form, as she typed it.
  const SKIPPED = /^(csrfmiddlewaretoken|_.*|.*-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)$/;

  function fields() {
    return Array.from(form.elements).filter(
      (element) => element.name && !SKIPPED.test(element.name) && !["file", "submit", "button"].includes(element.type),
    );
  }

  function snapshot() {
    const data = {};
    for (const element of fields()) {
      if (element.type === "checkbox") {
        data[element.name] = element.checked;
      } else if (element.type === "radio") {
        if (element.checked) {
          data[element.name] = element.value;
        }
      } else if (element.type === "select-multiple") {
        data[element.name] = Array.from(element.selectedOptions, (option) => option.value);
      } else {
        data[element.name] = element.value;
      }
    }
    return data;
  }

  function restore(data) {
    for (const element of fields()) {
      if (!(element.name in data)) {
        continue;
      }
      const value = data[element.name];
      if (element.type === "checkbox") {
        element.checked = Boolean(value);
      } else if (element.type === "radio") {
        element.checked = element.value === value;
      } else if (element.type === "select-multiple") {
        for (const option of element.options) {
          option.selected = value.includes(option.value);
        }
      } else {
        element.value = value;
      }
    }
    arrangeSummaries();
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function sameData(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function readLocal() {
    try {
      return JSON.parse(localStorage.getItem(storageKey));
    } catch {
      return null;
    }
  }

  function writeLocal(entry) {
    try {
      localStorage.setItem(storageKey, JSON.stringify(entry));
    } catch {
      // Private browsing or a full storage: the server copy still holds the draft.
    }
  }

  function clock(date) {
    return date.toLocaleTimeString(interfaceLanguage, { hour: "2-digit", minute: "2-digit" });
  }

  // --- Autosave to the server every few seconds, and to this browser at every keystroke.
  const status = document.getElementById("desk-saved");
  let lastSent = JSON.stringify(snapshot());
  let paused = false;
  let saving = null; // the autosave under way
  let dirty = false;
  let submitting = false;
  // Which of this browser's copy and the server's is the newer is told by their times, both on the server's clock:
  // a computer's clock minutes behind made the server's older copy look newer than what was typed since. What is
  // typed after the server's last copy is newer than it, whatever that estimate's error (the page's loading time).
  const serverClockAhead = Date.parse(text.serverNow) - Date.now() || 0;
  let serverCopyAt = 0;

  function keepLocally() {
    const now = new Date();
    const savedAt = Math.max(now.getTime() + serverClockAhead, serverCopyAt + 1);
    writeLocal({ savedAt, time: clock(now), data: snapshot() });
  }

  function save(options) {
    const data = snapshot();
    const serialised = JSON.stringify(data);
    if (paused || saving || submitting || serialised === lastSent) {
      return;
    }
    status.textContent = text.saving;
    saving = post(text.autosaveUrl, {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ post: text.post ? Number(text.post) : null, data }),
      keepalive: Boolean(options && options.keepalive),
    })
      .then((response) => {
        if (!response.ok) {
          throw new Error(response.statusText);
        }
        return response.json();
      })
      .then((answer) => {
        lastSent = serialised;
        status.textContent = fill(text.saved, { time: clock(new Date(answer.saved_at)) });
        const local = readLocal();
        const savedAt = Date.parse(answer.saved_at);
        serverCopyAt = Math.max(serverCopyAt, savedAt);
        if (local && JSON.stringify(local.data) === serialised) {
          writeLocal({ ...local, savedAt });
        } else if (local && local.savedAt <= savedAt) {
          // Typed while this copy was on its way: the server stamped it after the last keystroke.
          writeLocal({ ...local, savedAt: savedAt + 1 });
        }
      })
      .catch(() => {
        status.textContent = text.offline;
      })
      .finally(() => {
        saving = null;
      });
  }

  function edited() {
    dirty = true;
    if (!paused) {
      keepLocally();
    }
  }

  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  setInterval(save, SAVE_EVERY_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      save({ keepalive: true });
    }
  });
  window.addEventListener("online", () => save());

  form.addEventListener("submit", (event) => {
    submitting = true; // the post itself is being saved, which clears the draft: no autosave may follow it
    if (saving) {
      // An autosave still on its way could reach the server after the post, and bring back the draft it cleared.
      event.preventDefault();
      saving.finally(() => form.requestSubmit(event.submitter));
      return;
    }
    dirty = false;
    const local = readLocal();
    if (local) {
      writeLocal({ ...local, submitted: true });
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = text.leave;
    }
  });

  // --- Coming back: offer what was typed and never saved with the post.
  const banner = document.getElementById("desk-restore");
  const serverDraft = JSON.parse(document.getElementById("desk-draft").textContent);
  const local = readLocal();
  const current = snapshot();
  let offer = null;
  if (serverDraft) {
    offer = { data: serverDraft.data, savedAt: Date.parse(serverDraft.saved_at), time: clock(new Date(serverDraft.saved_at)) };
    serverCopyAt = offer.savedAt;
  }
  if (local && (local.submitted && !serverDraft)) {
    localStorage.removeItem(storageKey); // the post was saved with it
  } else if (local && !local.submitted && (!offer || local.savedAt > offer.savedAt)) {
    offer = local;
  }
  if (offer && !sameData(offer.data, current)) {
    paused = true;
    document.getElementById("desk-restore-text").textContent = fill(text.unsaved, { time: offer.time });
    status.textContent = text.paused;
    banner.hidden = false;
    // Until she chooses, the form cannot be typed in: text written beside the offer had nowhere to be saved
    // without overwriting the text offered, and was lost when she left.
    const waiting = [...form.children].filter((child) => !child.contains(banner));
    waiting.forEach((child) => {
      child.inert = true;
      child.classList.add("desk-waiting");
    });
    // The offer itself takes the focus. Had Restore had it, the first space typed by an author who starts
    // writing at once would bring back the old text over her new one.
    form.querySelectorAll("[autofocus]").forEach((field) => field.removeAttribute("autofocus"));
    banner.tabIndex = -1;
    desk.hidden = false;
    banner.focus();
    const resume = () => {
      waiting.forEach((child) => {
        child.inert = false;
        child.classList.remove("desk-waiting");
      });
      banner.hidden = true;
      paused = false;
      document.getElementById("id_title")?.focus(); // where writing starts, not the page's top
    };
    document.getElementById("desk-restore-yes").addEventListener("click", () => {
      restore(offer.data);
      resume();
      dirty = true;
      keepLocally();
      save();
    });
    document.getElementById("desk-restore-no").addEventListener("click", () => {
      resume();
      status.textContent = "";
      localStorage.removeItem(storageKey);
      lastSent = JSON.stringify(snapshot());
      post(text.autosaveUrl, {
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ post: text.post ? Number(text.post) : null, discard: true }),
      });
    });
  }
  desk.hidden = false;
})();
