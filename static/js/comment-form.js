// A post page may come from the cache shared by every reader, so its comment form holds no
// CSRF token and no time of its own. Ask for hers as soon as the page is shown: the time the
// form says it was served then counts from her arrival, as on a page made for her, and a
// reader who read the post and sends a short "Merci !" filled in by her phone is not taken
// for a robot. (If that request fails, starting on the form asks again.) Without JavaScript
// the first send comes back with her text kept and the keys filled in.
for (const form of document.querySelectorAll("form[data-form-keys]")) {
  let asked = false;
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
