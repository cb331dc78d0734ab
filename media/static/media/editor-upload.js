/* Drop or paste pictures and PDF files into the post body, or choose them with the button under
   it (a phone's photos, its camera): each is uploaded to the media library, its Markdown is
   inserted at the cursor, and a small panel asks for its alt text, caption and credit. Works on
   any textarea carrying data-media-upload. */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, key) { return values[key]; });
  }

  function csrfToken(form) {
    var field = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function hasFiles(dataTransfer) {
    return dataTransfer && Array.prototype.indexOf.call(dataTransfer.types || [], "Files") !== -1;
  }

  function changed(textarea) {
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function insertAtCursor(textarea, markdown) {
    var start = textarea.selectionStart, end = textarea.selectionEnd, value = textarea.value;
    var before = value.slice(0, start), after = value.slice(end);
    var text = (before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "") + markdown +
      (after && !/^\n\n/.test(after) ? (/^\n/.test(after) ? "\n" : "\n\n") : "");
    textarea.focus();
    textarea.setRangeText(text, start, end, "end");
    changed(textarea);
  }

  function field(labelText, value, required) {
    var label = document.createElement("label");
    var span = document.createElement("span");
    span.textContent = labelText;
    var input = document.createElement("input");
    input.type = "text";
    input.value = value || "";
    input.required = !!required;
    label.append(span, input);
    return { label: label, input: input };
  }

  function Uploader(textarea) {
    this.textarea = textarea;
    this.url = textarea.dataset.mediaUpload;
    this.words = JSON.parse(textarea.dataset.mediaMessages || "{}");
    this.csrf = csrfToken(textarea.form);
    // Per upload: null, or the promise of its upload, or of saving the description typed since the last save.
    this.unsaved = [];
    this.panel = document.createElement("div");
    this.panel.className = "media-uploads";
    this.panel.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", this.panel);
    textarea.classList.add("media-drop-target");
    var self = this;
    this.panel.insertAdjacentElement("beforebegin", this.chooser());
    textarea.addEventListener("dragover", function (event) {
      if (hasFiles(event.dataTransfer)) {
        event.preventDefault();
        textarea.classList.add("media-dragging");
      }
    });
    textarea.addEventListener("dragleave", function () { textarea.classList.remove("media-dragging"); });
    textarea.addEventListener("drop", function (event) {
      textarea.classList.remove("media-dragging");
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      self.uploadAll(event.dataTransfer.files);
    });
    // Uploads under way end, and descriptions typed are saved, before the post is sent: it was sent without the
    // picture still uploading, or refused for want of the alt text just typed, in a panel the page sent back lacks.
    if (textarea.form) {
      textarea.form.addEventListener("submit", function (event) {
        var waiting = self.unsaved.map(function (unsaved) { return unsaved(); }).filter(Boolean);
        if (!waiting.length) return;
        event.preventDefault();
        event.stopImmediatePropagation();  // the post is not being sent yet (static/blog/admin/desk.js)
        var held = self.row(self.words.held, "media-upload-held");
        held.setAttribute("role", "status");
        Promise.all(waiting).then(function () {
          held.remove();
          textarea.form.requestSubmit(event.submitter);
        }, function () {  // a failed upload or save says why in its row, and the post waits for it
          held.firstChild.textContent = self.words.not_sent;
        });
      }, true);
    }
    textarea.addEventListener("paste", function (event) {
      var files = event.clipboardData && event.clipboardData.files;
      if (files && files.length) {
        event.preventDefault();
        self.uploadAll(files);
      }
    });
  }

  Uploader.prototype.chooser = function () {
    var self = this;
    var choice = document.createElement("div");
    choice.className = "media-add";
    var input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.accept = this.textarea.dataset.mediaAccept || "";
    input.hidden = true;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = this.words.add;
    button.addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      self.uploadAll(input.files);
      input.value = "";  // the same file can be chosen again
    });
    choice.append(button, input);
    return choice;
  };

  Uploader.prototype.uploadAll = function (files) {
    Array.prototype.forEach.call(files, this.upload, this);
  };

  Uploader.prototype.row = function (text, className) {
    var row = document.createElement("div");
    row.className = "media-upload " + (className || "");
    var message = document.createElement("p");
    message.className = "media-upload-status";
    message.textContent = text;
    row.append(message);
    this.panel.append(row);
    return row;
  };

  // A failure the library did not explain (a phone's lost connection, a proxy's error page), said in her words
  // where the browser's were English ("Failed to fetch", "503 Service Unavailable").
  function unexplained(message) {
    var error = new Error(message);
    error.unexplained = true;
    return error;
  }

  Uploader.prototype.post = function (url, body) {
    var words = this.words;
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": this.csrf, "Accept": "application/json" }
    }).catch(function () {
      throw unexplained(words.offline);
    }).then(function (response) {
      var notTaken = function () { return unexplained(format(words.not_taken, { status: response.status })); };
      return response.json().catch(function () { throw notTaken(); }).then(function (data) {
        if (!response.ok) throw data.error ? new Error(data.error) : notTaken();
        return data;
      });
    });
  };

  Uploader.prototype.upload = function (file) {
    var self = this;
    var name = file.name || "image.png";
    var row = this.row(format(this.words.uploading, { name: name }), "media-upload-pending");
    var body = new FormData();
    body.append("file", file, name);
    var uploading = this.post(this.url, body).then(function (item) {
      insertAtCursor(self.textarea, item.markdown);
      self.describe(row, item);
    }).catch(function (error) {
      row.className = "media-upload media-upload-failed";
      row.firstChild.textContent = error.unexplained ? error.message : format(self.words.failed, { error: error.message });
      throw error;
    }).finally(function () { uploading = null; });
    uploading.catch(function () {});
    this.unsaved.push(function () { return uploading; });
  };

  Uploader.prototype.describe = function (row, item) {
    var self = this, words = this.words, current = item.markdown;
    row.className = "media-upload" + (item.needs_alt_text ? " media-missing-alt" : "");
    row.dataset.mediaId = item.id;
    row.firstChild.textContent = format(words.uploaded, { name: item.name });
    var warning = document.createElement("p");
    warning.className = "media-alt-warning";
    warning.textContent = words.missing_alt;
    warning.hidden = !item.needs_alt_text;
    var fields = document.createElement("div");
    fields.className = "media-upload-fields";
    var alt = field(words.alt, item.alt_text, item.kind === "image");
    var caption = field(words.caption, item.caption);
    var credit = field(words.credit, item.credit);
    alt.input.classList.add("media-alt");
    caption.input.classList.add("media-caption");
    credit.input.classList.add("media-credit");
    if (item.kind === "image") fields.append(alt.label);
    fields.append(caption.label, credit.label);
    var save = document.createElement("button");
    save.type = "button";
    save.className = "button media-save";
    save.textContent = words.save;
    var link = document.createElement("a");
    link.href = item.change_url;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = words.open;
    var result = document.createElement("span");
    result.className = "media-save-result";
    fields.append(save, link, result);
    row.append(warning, fields);

    var edited = false, saving = null;

    function submit() {
      var body = new FormData();
      body.append("alt_text", alt.input.value);
      body.append("caption", caption.input.value);
      body.append("credit", credit.input.value);
      edited = false;
      save.disabled = true;
      // After the save under way, if any: each rewrites the Markdown the one before it wrote.
      var request = (saving || Promise.resolve()).catch(function () {}).then(function () {
        return self.post(item.describe_url, body);
      }).then(function (described) {
        var value = self.textarea.value, at = value.indexOf(current);
        if (at !== -1) {
          self.textarea.value = value.slice(0, at) + described.markdown + value.slice(at + current.length);
          changed(self.textarea);
        }
        current = described.markdown;
        row.classList.toggle("media-missing-alt", described.needs_alt_text);
        warning.hidden = !described.needs_alt_text;
        result.textContent = words.saved;
      }).catch(function (error) {
        edited = true;
        result.textContent = error.message;
        throw error;
      }).finally(function () {
        if (saving === request) {
          save.disabled = false;
          saving = null;
        }
      });
      saving = request;
      return request;
    }

    function saveNow() { submit().catch(function () {}); }

    this.unsaved.push(function () { return edited ? submit() : saving; });
    fields.addEventListener("input", function () {
      edited = true;
      result.textContent = "";
    });
    fields.addEventListener("change", function () {  // a field left after typing in it
      if (edited) saveNow();
    });
    save.addEventListener("click", saveNow);
    fields.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {  // not the post form's submit
        event.preventDefault();
        saveNow();
      }
    });
    if (item.kind === "image") alt.input.focus();
  };

  function start() {
    document.querySelectorAll("textarea[data-media-upload]").forEach(function (textarea) {
      if (!textarea.mediaUploader) textarea.mediaUploader = new Uploader(textarea);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
