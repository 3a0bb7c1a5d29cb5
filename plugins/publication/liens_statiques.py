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

The same regular expression rewrites the intrasite links of the HTML each time a page is
written (``Content._update_content``: 1.4 s of the build's process under the profiler at
1 000 articles, while it writes the pages).  A link it rewrites is an attribute ``href``,
``src``, ``poster``, ``data``, ``cite``, ``formaction``, ``action`` or ``content`` (the end of
the attribute's name, as Pelican's expression reads it), then ``=``, then a quote directly
followed by ``{`` or ``|``.  When no quote followed by ``{`` or ``|`` in the HTML comes right
after such a name and its ``=`` (the calculators' ``data-presets="{…}"`` does not: its name
ends in ``presets``), nothing can be rewritten and the HTML is returned as it is; otherwise
Pelican's method runs.
"""

from __future__ import annotations

import re

from pelican import contents
from pelican.settings import DEFAULT_CONFIG

MARQUES = ("{static", "|static", "{attach", "|attach")
_ORIGINAL = getattr(contents.Content.get_static_links, "pelican_original", contents.Content.get_static_links)
_ORIGINAL_UPDATE = getattr(contents.Content._update_content, "pelican_original", contents.Content._update_content)
# the attributes Pelican's intrasite-link expression rewrites (the end of a name: it reads
# « <[^>]+(?:href|…|content)\s*=\s* », case-sensitive), and the start of a link's value
ATTRIBUTS = ("href", "src", "poster", "data", "cite", "formaction", "action", "content")
# « = », then a quote directly followed by « { » or « | » (searched from its fixed first character: fast)
_VALEUR = re.compile(r"""=\s*["'][{|]""")


def lien_possible(html: str) -> bool:
    """False when Pelican's intrasite-link expression (the default one) cannot match ``html``."""
    for m in _VALEUR.finditer(html):
        j = m.start()
        while j > 0 and html[j - 1].isspace():
            j -= 1
        if html.endswith(ATTRIBUTS, 0, j):
            return True
    return False


def get_static_links(self) -> set[str]:
    html = self._content
    if (isinstance(html, str) and self.settings.get("INTRASITE_LINK_REGEX") == DEFAULT_CONFIG["INTRASITE_LINK_REGEX"]
            and not any(marque in html for marque in MARQUES)):
        return set()
    return _ORIGINAL(self)


get_static_links.pelican_original = _ORIGINAL


def _update_content(self, content: str, siteurl: str) -> str:
    if (isinstance(content, str) and self.settings.get("INTRASITE_LINK_REGEX") == DEFAULT_CONFIG["INTRASITE_LINK_REGEX"]
            and not lien_possible(content)):
        return content
    return _ORIGINAL_UPDATE(self, content, siteurl)


_update_content.pelican_original = _ORIGINAL_UPDATE


def register() -> None:
    contents.Content.get_static_links = get_static_links
    contents.Content._update_content = _update_content
