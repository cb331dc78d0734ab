// A post page may come from the cache shared by every reader, so its comment form holds no
// CSRF token and no time of its own. Ask for hers when the form comes near the screen (the
// time the form says it was served counts from then: a reader who scrolls down, reads the
// comments and sends a short "Merci !" filled in by her phone is not taken for a robot), or
// when she starts on it. Without JavaScript the first send comes back with her text kept and
// the keys filled in.
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
  if ("IntersectionObserver" in window) {
    const watcher = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          watcher.disconnect();
          ask();
        }
      },
      { rootMargin: "300px" },
    );
    watcher.observe(form);
  }
}
