from parler.utils.context import switch_language

from blog.models import rows


class OtherLanguageSummaries:
    """Summaries kept as parler translations: one per language, shown to readers of the other one.

    Mixed into translatable models with a `language` field and a translated `summary`.
    """

    @property
    def other_languages(self):
        return [code for code, _name in self._meta.get_field("language").choices if code != self.language]

    def summary_rows(self):
        """The translations (`language_code`, `summary`), as `Post.objects.for_list()` read them with the post
        (`summaries_json`: blog.models.rows), else queried."""
        if "summaries_json" in self.__dict__:
            return rows.summaries(self.summaries_json)
        return self.translations.all()

    def own_other_language_summaries(self):
        """(language, Markdown) of the summaries written for readers of the other language."""
        found = {t.language_code: t.summary for t in self.summary_rows() if t.summary.strip()}
        return [(code, found[code]) for code in self.other_languages if code in found]

    def save_summary(self, language, text):
        """Write the summary in `language`; an empty one leaves no translation row (and removes an old one)."""
        if text.strip():
            with switch_language(self, language):
                self.summary = text
                self.save_translations()
        elif self.has_translation(language):
            self.delete_translation(language)
        self.__dict__.pop("summaries_json", None)
        getattr(self, "_prefetched_objects_cache", {}).pop("translations", None)
