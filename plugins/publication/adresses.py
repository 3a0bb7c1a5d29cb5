"""The addresses of articles and pages (``url``, ``save_as``) computed once while the site is written.

Pelican computes an article's ``url`` or ``save_as`` again at every use (``Content.get_url_setting``:
a copy of the whole metadata, the relative source path, the category's slug, then the
``ARTICLE_URL`` pattern formatted): every link to it from another page (``{filename}``),
every list, the sitemap, the templates.  At 1 000 articles that is about 39 000
computations for 4 000 distinct addresses, a tenth of the writing's time.

Once the writing starts (signal ``get_writer``: the content is read, every plugin's
``all_generators_finalized`` handler has run and Pelican has refreshed the links of the
metadata), nothing changes what an address is made of any more: from then on until the
end of the build (``finalized``), the addresses computed are kept (in this module, forgotten
at the end: nothing is added to the content objects, which Pelican's cache may pickle).  ``override_url`` / ``override_save_as`` keep their precedence (they are
read first, as Pelican does), and ``Static`` objects are left alone (their ``url`` has a side
effect Pelican needs: the file is marked referenced).  Outside the writing, or in a build
that stopped before its end (``make serve``), Pelican's own method runs unchanged.

Setting ``ADRESSES_MEMORISEES`` (default True): False computes every address Pelican's way
(tests/site/test_adresses.py builds the site both ways and compares the pages).
"""

from __future__ import annotations

from pelican import contents, signals

_ETAT = {"actif": False}
# id(content object) -> (the object, kept alive so that its id is not reused; {key: address})
_MEMO: dict[int, tuple[object, dict[str, str]]] = {}
# Pelican's own method (even if this module were loaded again after its register())
_ORIGINAL = getattr(contents.Content.get_url_setting, "pelican_original", contents.Content.get_url_setting)


def get_url_setting(self, key: str) -> str:
    if not _ETAT["actif"] or isinstance(self, contents.Static) or hasattr(self, "override_" + key):
        return _ORIGINAL(self, key)
    entry = _MEMO.get(id(self))
    if entry is None:
        entry = _MEMO[id(self)] = (self, {})
    memo = entry[1]
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = _ORIGINAL(self, key)
        return value


get_url_setting.pelican_original = _ORIGINAL


def _commencer(pelican=None, **_kwargs) -> None:
    _MEMO.clear()
    settings = getattr(pelican, "settings", None) or {}
    _ETAT["actif"] = bool(settings.get("ADRESSES_MEMORISEES", True))
    # nothing to return: the writer stays Pelican's (get_writer's receivers may name a class)


def _finir(_sender=None, **_kwargs) -> None:
    _ETAT["actif"] = False
    _MEMO.clear()


def register() -> None:
    contents.Content.get_url_setting = get_url_setting
    signals.get_writer.connect(_commencer)
    signals.finalized.connect(_finir)
    signals.initialized.connect(_finir)
    signals.generator_init.connect(_finir)
