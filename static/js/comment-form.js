// A post page may come from the cache shared by every reader, so its comment form holds no
// CSRF token and no time of its own. When the reader starts on the form, ask for hers.
// Without JavaScript the first send comes back with her text kept and the keys filled in.
for (const form of document.querySelectorAll("form[data-form-keys]")) {
  let asked = false;
  form.addEventListener("focusin", () => {
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
  });
}
