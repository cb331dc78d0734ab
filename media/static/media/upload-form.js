// The Media list's add form: a picture is asked for its description before it is sent. When the server sends
// the form back with an error, the browser cannot keep the chosen file: the author would have to find it again.
// (The admin's forms are `novalidate`: the check is made here, with the server's own message.)
document.addEventListener("DOMContentLoaded", () => {
  const upload = document.getElementById("id_upload");
  const alt = document.getElementById("id_alt_text");
  if (!upload || !alt) return;
  const isPicture = () => Boolean(upload.files[0] && upload.files[0].type.startsWith("image/"));
  upload.form.addEventListener("submit", (event) => {
    if (isPicture() && !alt.value.trim()) {
      event.preventDefault();
      alt.setCustomValidity(alt.dataset.requiredMessage);
      alt.reportValidity();
    }
  });
  alt.addEventListener("input", () => alt.setCustomValidity(""));
});
