'use strict';
// The post form fills in the slug from the title with blog/slugs.py's rule, in place of
// Django's URLify (which keeps accents when the field allows Unicode): plain ASCII, each
// apostrophe a hyphen, "L'été de l'œuvre" → "l-ete-de-l-oeuvre".
{
    const LETTERS = {
        'œ': 'oe', 'Œ': 'oe', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l',
        'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'þ': 'th', 'Þ': 'th', 'ı': 'i'
    };

    function slugFromTitle(title, maxLength) {
        let slug = title.replace(/[œŒæÆßøØłŁđĐðÐþÞı]/g, (letter) => LETTERS[letter])
            .normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
            .replace(/['’ʼ]/g, '-').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
        if (slug.length > maxLength) {
            const cut = slug.slice(0, maxLength + 1);
            slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : slug.slice(0, maxLength);
        }
        return slug.replace(/^-+|-+$/g, '');
    }

    // prepopulate.js calls window.URLify(text, maxLength, allowUnicode) as the title is typed.
    window.URLify = (text, maxLength) => slugFromTitle(text, maxLength);
}
