'use strict';
// Django's autocomplete boxes (select2) name their combobox by the choice shown, and the read-only
// textbox inside it by nothing: with no choice yet, a screen reader meets an unnamed box. Name both
// by the field's label, as the plain <select> was; the choice stays the combobox's value, as in the
// ARIA select-only combobox. Deferred, so queued after admin/js/autocomplete.js's ready handler.
{
    const name = (select) => {
        const label = document.querySelector(`label[for="${select.id}"]`);
        const shown = document.getElementById(`select2-${select.id}-container`);
        if (!label || !shown) {
            return;
        }
        label.id ||= `${select.id}-label`;
        shown.setAttribute('aria-labelledby', label.id);
        shown.closest('.select2-selection').setAttribute('aria-labelledby', label.id);
    };
    const nameAll = (root) => root.querySelectorAll('select.admin-autocomplete').forEach(name);

    if (window.django && django.jQuery) {
        django.jQuery(() => nameAll(document));
        document.addEventListener('formset:added', (event) => nameAll(event.target));
    }
}
