"""The static files an article or page links to (``{static}``, ``{attach}``), found without a
scan when its HTML names none.

After reading each article and page, Pelican looks for the files it links to with ``{static}``
or ``{attach}`` (``Content.get_static_links``): the intrasite-link regular expression run over
the whole HTML, which tries every ``<`` of it.  The site's HTML holds many more tags than
plain Markdown's (the calculators' forms and prerendered results): at 1 000 synthetic articles
the scan took 1.1 s of the build's process under the profiler (0.08 s for plain Pelican's
HTML of the same Markdown), for pages that link to no static file at all.

With Pelican's own ``INTRASITE_LINK_REGEX`` (``[{|](?P<what>.*?)[|}]``), a link whose kind is
``static`` or ``attach`` needs ``{static``, ``|static``, ``{attach`` or ``|attach`` in the HTML:
an HTML that holds none of these four strings has no static link, and its scan is skipped
(``set()``, what the scan finds).  Any other HTML, or another ``INTRASITE_LINK_REGEX``, is
scanned by Pelican's method.  tests/site/test_liens_statiques.py compares both on the site's
pages and on made-up ones.
"""

from __future__ import annotations

from pelican import contents
from pelican.settings import DEFAULT_CONFIG

MARQUES = ("{static", "|static", "{attach", "|attach")
_ORIGINAL = getattr(contents.Content.get_static_links, "pelican_original", contents.Content.get_static_links)


def get_static_links(self) -> set[str]:
    html = self._content
    if (isinstance(html, str) and self.settings.get("INTRASITE_LINK_REGEX") == DEFAULT_CONFIG["INTRASITE_LINK_REGEX"]
            and not any(marque in html for marque in MARQUES)):
        return set()
    return _ORIGINAL(self)


get_static_links.pelican_original = _ORIGINAL


def register() -> None:
    contents.Content.get_static_links = get_static_links
