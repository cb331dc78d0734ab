// A post page may come from the cache shared by every reader, so its comment form holds no
// CSRF token and no time of its own. Ask for hers as soon as the page is shown: the time the
// form says it was served then counts from her arrival, as on a page made for her, and a
// reader who read the post and sends a short "Merci !" filled in by her phone is not taken
// for a robot. (If that request fails, starting on the form asks again.) Without JavaScript
// the first send comes back with her text kept and the keys filled in. A form that has its
// keys (a page made for her, or sent back with a mistake, keeping the time she first got it)
// asks for none: fresh ones made a correction sent at once look like a robot's.
for (const form of document.querySelectorAll("form[data-form-keys]")) {
  let asked = Boolean(form.elements.csrfmiddlewaretoken.value);
  const ask = () => {
    if (asked) return;
    asked = true;
    fetch(form.dataset.formKeys, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((keys) => {
        for (const [name, value] of Object.entries(keys)) {
          if (form.elements[name]) form.elements[name].value = value;
        }
      })
      .catch(() => {
        asked = false;
      });
  };
  form.addEventListener("focusin", ask);
  ask();
}

// Choosing what to be told about is asking to be told: "Notify me by e-mail" is ticked with it.
for (const choice of document.querySelectorAll(".comment-form .notify input[type=radio]")) {
  choice.addEventListener("click", () => {
    choice.form.elements.notify.checked = true;
  });
}

// "Remember my name, e-mail and website in this browser": kept in this browser alone (localStorage), never sent
// for it, and filled into an empty form on her next comment. Unticked when sending, they are forgotten.
const REMEMBERED = "carnet-commenter";
const REMEMBERED_FIELDS = ["author_name", "author_email", "author_url"];
for (const remember of document.querySelectorAll("#remember-commenter")) {
  const form = remember.form;
  let kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(REMEMBERED));
  } catch {
    // storage refused (private browsing) or unreadable: nothing remembered
  }
  remember.closest(".remember").hidden = false;
  if (kept) {
    remember.checked = true;
    for (const name of REMEMBERED_FIELDS) {
      const field = form.elements[name];
      if (field && !field.value && kept[name]) field.value = kept[name];
    }
  }
  form.addEventListener("submit", () => {
    try {
      if (remember.checked) {
        const values = REMEMBERED_FIELDS.map((name) => [name, form.elements[name].value]);
        localStorage.setItem(REMEMBERED, JSON.stringify(Object.fromEntries(values)));
      } else {
        localStorage.removeItem(REMEMBERED);
      }
    } catch {
      // storage refused: the comment is sent all the same
    }
  });
}
