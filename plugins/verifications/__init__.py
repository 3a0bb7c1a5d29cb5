"""Content checks: an editor's mistake fails the build instead of reaching the site.

The build stops (exit status 1) and names the source file, the line when it can be
found, and what is wrong, when:

- a required field of front matter is missing or empty (setting METADONNEES_REQUISES:
  Title, Date, Summary, Category for articles; Title, Summary for pages and section
  introductions), a date does not parse, `Order`/`Regles` is not an integer, or an
  article's Category is not one of RUBRIQUES;
- an internal link written with Pelican's syntax (`{filename}`, `{static}`, `{attach}`)
  points to a file that does not exist;
- a link, image, stylesheet or script of a built page points to a page or file of the
  site that does not exist, or to an anchor (`#id`) that the target page lacks;
- a built page would break the Content-Security-Policy or privacy rules: inline
  <script> (JSON-LD data blocks excepted), <style> element, style="" or on…="" attribute,
  or an image/script/stylesheet/frame loaded from another origin;
- Pelican itself reported an error, an unresolved link or an image without alt text.

Setting the environment variable CADRE_LIBRE_VERIFICATIONS=avertir turns these errors into
warnings, for drafting locally while linked articles are still being written; never in CI.

Pelican only warns on several of these; here they are fatal. The plugin connects its
handlers when Pelican sends `initialized`, i.e. after every plugin listed in PLUGINS has
registered, so the final checks run after the other plugins' own `finalized` handlers
(which may write files into the output) whatever the order of PLUGINS.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.utils import get_date, slugify


@dataclass(frozen=True)
class Probleme:
    fichier: str
    ligne: int | None
    message: str

    def __str__(self) -> str:
        where = self.fichier if self.ligne is None else f"{self.fichier}:{self.ligne}"
        return f"{where}: {self.message}"


class _State:
    def __init__(self):
        self.problemes: list[Probleme] = []
        self.sources: dict[str, str] = {}  # output file (relative, posix) -> absolute source path
        self.content_root = ""
        self.cibles_cassees: set[str] = set()  # "{filename}x.md" links already reported from the sources


_state = _State()

# ----------------------------------------------------------------------------- helpers


def _display(path: str) -> str:
    """Path as the editor sees it: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _find_line(path: str, *needles: str) -> int | None:
    lines = _lines(path)
    for needle in needles:
        if not needle:
            continue
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
    return None


def _add(fichier: str, ligne: int | None, message: str) -> None:
    _state.problemes.append(Probleme(_display(fichier), ligne, message))


# ----------------------------------------------------------------- front matter

_META_LINE = re.compile(r"^([A-Za-z0-9_-]+):\s*(.*)$")
_LABELS = {"title": "Title", "date": "Date", "summary": "Summary", "category": "Category",
           "modified": "Modified", "order": "Order", "regles": "Regles"}


def lire_entete(path: str) -> tuple[dict[str, tuple[int, str]], int]:
    """Markdown front matter: {key (lower case): (line, value)} and the number of header lines."""
    lines = _lines(path)
    meta: dict[str, tuple[int, str]] = {}
    start = 1 if lines and lines[0].strip() == "---" else 0
    last_key = None
    end = start
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip() or line.strip() in ("---", "..."):
            break
        match = _META_LINE.match(line)
        if match:
            last_key = match.group(1).lower()
            meta[last_key] = (index + 1, match.group(2).strip())
        elif last_key and line.startswith((" ", "\t")):
            number, value = meta[last_key]
            meta[last_key] = (number, f"{value} {line.strip()}".strip())
        else:
            break
        end = index + 1
    return meta, end


def verifier_entete(path: str, kind: str, settings) -> None:
    required = settings.get("METADONNEES_REQUISES", {}).get(kind, [])
    meta, end = lire_entete(path)
    for key in required:
        if key not in meta:
            _add(path, 1, f"en-tête : le champ « {_LABELS.get(key, key.title())} » manque "
                          f"(obligatoires : {', '.join(_LABELS.get(k, k) for k in required)})")
        elif not meta[key][1]:
            _add(path, meta[key][0], f"en-tête : le champ « {_LABELS.get(key, key.title())} » est vide")
    for key in ("date", "modified"):
        if key in meta and meta[key][1]:
            try:
                get_date(meta[key][1])
            except (ValueError, TypeError, OverflowError):
                _add(path, meta[key][0], f"en-tête : date illisible « {meta[key][1]} » "
                                         "(format attendu : AAAA-MM-JJ)")
    for key in ("order", "regles"):
        if key in meta and not re.fullmatch(r"-?\d+", meta[key][1]):
            _add(path, meta[key][0], f"en-tête : « {_LABELS[key]} » doit être un nombre entier "
                                     f"(trouvé « {meta[key][1]} »)")
    if kind == "article" and "category" in meta and meta["category"][1]:
        rubriques = settings.get("RUBRIQUES") or []
        category = meta["category"][1]
        if rubriques and category not in rubriques:
            _add(path, meta["category"][0], f"en-tête : rubrique inconnue « {category} » "
                                            f"(rubriques : {', '.join(rubriques)})")
        elif rubriques:
            # the folder of an article is its section: content/tjm/ holds the articles of « TJM »
            folders = {slugify(name, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", [])): name
                       for name in rubriques}
            folder = os.path.relpath(path, settings["PATH"]).replace(os.sep, "/").split("/")[0]
            if folder in folders and folders[folder] != category:
                _add(path, meta["category"][0], f"en-tête : rubrique « {category} », mais le fichier est "
                                                f"dans content/{folder}/, le dossier de « {folders[folder]} »")


# ------------------------------------------------------------- intrasite links

_INTRASITE = re.compile(r"\{(filename|static|attach)\}([^\s)\"'<>\]]+)")


def verifier_liens_source(path: str, root: str, context) -> None:
    generated = context.get("generated_content", {})
    static = context.get("static_content", {})
    rel_dir = posixpath.dirname(os.path.relpath(path, root).replace(os.sep, "/"))
    in_code = False
    for number, line in enumerate(_lines(path), 1):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        for match in _INTRASITE.finditer(line):
            what, target = match.groups()
            target_path = unquote(urlsplit(target).path)
            if target_path.startswith("/"):
                key = target_path.lstrip("/")
            else:
                key = posixpath.normpath(posixpath.join(rel_dir, target_path))
            found = key in static if what != "filename" else (key in generated or key in static)
            if not found:
                exists = os.path.exists(os.path.join(root, key))
                why = ("le fichier existe mais n'est pas publié (hors des dossiers de contenu "
                       "ou ignoré à cause d'une erreur)") if exists else "ce fichier n'existe pas dans content/"
                _add(path, number, f"lien interne cassé {{{what}}}{target} : {why}")
                _state.cibles_cassees.add(f"{{{what}}}{target}")


def _on_all_generators(generators) -> None:
    _state.problemes.clear()
    _state.cibles_cassees.clear()
    _state.sources.clear()
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            kind, paths, excludes = "article", "ARTICLE_PATHS", "ARTICLE_EXCLUDES"
        elif isinstance(generator, PagesGenerator):
            kind, paths, excludes = "page", "PAGE_PATHS", "PAGE_EXCLUDES"
        else:
            continue
        settings = generator.settings
        root = generator.path
        _state.content_root = root
        files = sorted(generator.get_files(settings[paths], exclude=settings[excludes]))
        for rel in files:
            full = os.path.join(root, rel)
            if not rel.endswith((".md", ".markdown", ".mkd", ".mdown")):
                continue
            verifier_entete(full, kind, settings)
            verifier_liens_source(full, root, generator.context)
        contents = []
        if kind == "article":
            contents = list(generator.articles) + list(generator.translations) + list(generator.drafts) \
                + list(getattr(generator, "drafts_translations", []))
        else:
            contents = list(generator.pages) + list(generator.hidden_pages) \
                + list(getattr(generator, "draft_pages", [])) + list(generator.translations)
        for content in contents:
            if getattr(content, "save_as", None):
                _state.sources[content.save_as.replace(os.sep, "/")] = content.source_path
        if kind == "article":
            rubriques_dir = os.path.join(root, settings.get("RUBRIQUES_PATH", "rubriques"))
            if os.path.isdir(rubriques_dir):
                for name in sorted(os.listdir(rubriques_dir)):
                    if name.endswith(".md"):
                        full = os.path.join(rubriques_dir, name)
                        verifier_entete(full, "page", settings)
                        verifier_liens_source(full, root, generator.context)
                        slug = name[:-3]
                        save_as = settings["INDEX_SAVE_AS"] if slug == "accueil" \
                            else settings["CATEGORY_SAVE_AS"].format(slug=slug)
                        _state.sources[save_as] = full


# -------------------------------------------------------------- built pages

_RESOURCE_ATTRS = {
    ("img", "src"), ("img", "srcset"), ("script", "src"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("embed", "src"), ("object", "data"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("input", "src"),
}
_LINK_ATTRS = {("a", "href"), ("area", "href"), ("form", "action"), ("button", "formaction")}
_DATA_SCRIPTS = {"application/ld+json", "application/json", "importmap"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str, int]] = []  # (kind, tag, url, line)
        self.csp: list[tuple[int, str]] = []
        self._script_inline = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")
            if name == "style":
                self.csp.append((line, f'attribut style="…" sur <{tag}> (bloqué par la CSP : utiliser une classe)'))
            if name.startswith("on"):
                self.csp.append((line, f"attribut {name}=… sur <{tag}> (script en ligne interdit par la CSP)"))
            if value is None:
                continue
            if (tag, name) in _RESOURCE_ATTRS:
                for url in (value.split(",") if name == "srcset" else [value]):
                    url = url.strip().split(" ")[0]
                    if url:
                        self.urls.append(("ressource", tag, url, line))
            elif (tag, name) in _LINK_ATTRS:
                self.urls.append(("lien", tag, value, line))
            elif tag == "link" and name == "href":
                rel = (values.get("rel") or "").lower().split()
                kind = "lien" if {"canonical", "alternate"} & set(rel) else "ressource"
                self.urls.append((kind, tag, value, line))
        if tag == "style":
            self.csp.append((line, "élément <style> en ligne (bloqué par la CSP : utiliser une feuille de style)"))
        if tag == "script" and not values.get("src"):
            if (values.get("type") or "").lower() not in _DATA_SCRIPTS:
                self.csp.append((line, "élément <script> en ligne (interdit par la CSP : utiliser un fichier .js)"))

    handle_startendtag = handle_starttag


# One linear regex scan of a built page instead of an HTMLParser pass (which was 14 % of
# the build): the same start tags reach _Page.handle_starttag with the same attributes
# (names lowercased, values unescaped, None without a value) and line numbers; comments,
# declarations and the text of <script>/<style> are skipped as HTMLParser does.
# tests/site checks that both give the same ids, URLs and CSP findings on every page.
_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(script|style)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>.*?(?:</\1\s*>|\Z)"
    r"|<([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_ATTR = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class _ScannedPage(_Page):
    _line = 1

    def getpos(self):
        return (self._line, 0)


def _attributes(text: str) -> list[tuple[str, str | None]]:
    out = []
    for m in _ATTR.finditer(text):
        name = m.group(1).lower()
        if m.group(2) is not None:
            value = unescape(m.group(2))
        elif m.group(3) is not None:
            value = unescape(m.group(3))
        elif m.group(4) is not None:
            value = unescape(m.group(4))
        else:
            value = None
        out.append((name, value))
    return out


def scan(text: str) -> _Page:
    page = _ScannedPage()
    line, pos = 1, 0
    for m in _TOKEN.finditer(text):
        tag = m.group(1) or m.group(3)
        if not tag:
            continue
        line += text.count("\n", pos, m.start())
        pos = m.start()
        page._line = line
        attrs = m.group(2) if m.group(1) else m.group(4)
        page.handle_starttag(tag.lower(), _attributes(attrs.rstrip("/")))
    return page


def _parse(path: str) -> _Page:
    with open(path, encoding="utf-8", errors="replace") as fh:
        return scan(fh.read())


def _parse_slow(path: str) -> _Page:
    """The reference: Python's HTMLParser (kept for the equivalence test)."""
    page = _Page()
    with open(path, encoding="utf-8", errors="replace") as fh:
        page.feed(fh.read())
    page.close()
    return page


def _target_file(output: str, url_path: str) -> str | None:
    """Output file served for a site path, or None if nothing is there."""
    rel = url_path.lstrip("/")
    candidate = os.path.join(output, *rel.split("/")) if rel else output
    if os.path.isdir(candidate):
        index = os.path.join(candidate, "index.html")
        return index if os.path.isfile(index) else None
    if os.path.isfile(candidate):
        return candidate
    return None


def verifier_sortie(output: str, siteurl: str) -> None:
    output = os.path.abspath(output)
    origin = ""
    base_path = "/"
    if siteurl.startswith(("http://", "https://")):
        parts = urlsplit(siteurl)
        origin = f"{parts.scheme}://{parts.netloc}"
        base_path = (parts.path.rstrip("/") or "") + "/"
    skip_dirs = {"pagefind", "runtime"}
    parsed: dict[str, _Page] = {}

    def page_of(path: str) -> _Page:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    theme_reported: set[tuple[str, str]] = set()
    for dirpath, dirnames, filenames in os.walk(output):
        if dirpath == output:
            dirnames[:] = [d for d in dirnames if d not in skip_dirs]
        for filename in sorted(filenames):
            if not filename.endswith(".html"):
                continue
            full = os.path.join(dirpath, filename)
            rel = os.path.relpath(full, output).replace(os.sep, "/")
            source = _state.sources.get(rel)
            page = page_of(full)

            # the page's own names are bound now: the function must not see the next page's
            def report(line: int | None, message: str, needles=(), *, source=source, rel=rel, full=full) -> None:
                if source:
                    _add(source, _find_line(source, *needles), f"{message} (page produite : {rel})")
                else:
                    key = (message, "")
                    if key in theme_reported:
                        return
                    theme_reported.add(key)
                    _add(full, line, f"{message} (gabarit du thème ou d'un plugin)")

            for line, message in page.csp:
                needle = "style=" if "style=" in message else ("<style" if "<style>" in message else "<script")
                report(line, message, (needle,))
            page_url = base_path + rel
            for kind, tag, url, line in page.urls:
                if url.startswith(("mailto:", "tel:", "data:")):
                    continue
                if url.lower().startswith("javascript:"):
                    report(line, f"lien javascript: sur <{tag}> (interdit par la CSP)", (url,))
                    continue
                if "{filename}" in url or "{static}" in url or "{attach}" in url:
                    if url.split("#")[0] not in {c.split("#")[0] for c in _state.cibles_cassees}:
                        # (otherwise already reported from the source, with its line)
                        report(line, f"lien interne non résolu « {url} »", (url,))
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    absolute = f"{parts.scheme}://{parts.netloc}" if parts.scheme else f"https://{parts.netloc}"
                    if origin and absolute == origin:
                        site_path = parts.path or "/"
                    elif kind == "ressource":
                        report(line, f"<{tag}> charge « {url} » depuis un autre site "
                                     "(interdit : tout doit venir du site lui-même)", (url,))
                        continue
                    else:
                        continue  # link to another website: fine
                elif not parts.path:
                    site_path = page_url  # "#fragment" or "?query" alone
                else:
                    site_path = posixpath.join(posixpath.dirname(page_url), parts.path) \
                        if not parts.path.startswith("/") else parts.path
                    if parts.path.endswith("/") and not site_path.endswith("/"):
                        site_path += "/"
                site_path = unquote(site_path)
                if base_path != "/":
                    if not site_path.startswith(base_path):
                        report(line, f"<{tag}> pointe vers « {url} », hors de l'adresse du site {siteurl}/ "
                                     "(écrire le lien avec {filename}…)", (url,))
                        continue
                    site_path = "/" + site_path[len(base_path):]
                normalised = posixpath.normpath(site_path) + ("/" if site_path.endswith("/") else "")
                top = normalised.lstrip("/").split("/", 1)[0]
                if top in skip_dirs and not parts.fragment:
                    if _target_file(output, normalised) is None and top != "pagefind":
                        report(line, f"<{tag}> pointe vers « {url} », qui n'existe pas sur le site", (url,))
                    continue
                target = _target_file(output, normalised)
                if target is None:
                    what = "l'image" if tag == "img" else "la page ou le fichier"
                    report(line, f"<{tag}> pointe vers « {url} » : {what} n'existe pas sur le site", (url, parts.path))
                    continue
                if parts.fragment and target.endswith(".html"):
                    if unquote(parts.fragment) not in page_of(target).ids:
                        report(line, f"<{tag}> pointe vers « {url} » : l'ancre #{parts.fragment} "
                                     "n'existe pas dans la page visée", (url, "#" + parts.fragment))


# ------------------------------------------------------------- Pelican's own errors


class _Collecteur(logging.Handler):
    """Keeps Pelican's errors and the warnings that mean broken content."""

    WARNINGS = ("Unable to find", "Empty alt attribute", "skipping url replacement")

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(__name__):
            return
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formatted log must not hide the others
            message = str(record.msg)
        if record.levelno >= logging.ERROR or any(w in message for w in self.WARNINGS):
            self.messages.append(message)


_collecteur = _Collecteur()


def _autoreload() -> bool:
    return any(a in ("-r", "--autoreload") or (a.startswith("-") and not a.startswith("--") and "r" in a
                                                and len(a) <= 4) for a in sys.argv[1:])


class ContenuInvalide(Exception):
    exitcode = 1


def _on_finalized(pelican) -> None:
    try:
        verifier_sortie(pelican.settings["OUTPUT_PATH"], pelican.settings.get("SITEURL", ""))
        problemes = list(dict.fromkeys(_state.problemes))
        deja = {c.split("}", 1)[1].split("#")[0] for c in _state.cibles_cassees}
        pelican_messages = [m for m in dict.fromkeys(_collecteur.messages)
                            if not any(f"Unable to find '{d}" in m for d in deja)]
        if not problemes and not pelican_messages:
            return
        total = len(problemes) + len(pelican_messages)
        avertir = os.environ.get("CADRE_LIBRE_VERIFICATIONS", "").lower() == "avertir"
        # Printed as plain lines (one problem a line, never wrapped), whatever Pelican's log handler.
        lines = [str(p) for p in problemes] + [f"Pelican : {m}" for m in pelican_messages]
        head = (f"Problèmes dans le contenu : {total} (CADRE_LIBRE_VERIFICATIONS=avertir : construction poursuivie)"
                if avertir else f"Construction refusée : {total} problème(s) dans le contenu :")
        tail = "" if avertir else "Corrigez-les puis relancez la construction.\n"
        sys.stderr.write(f"\n{head}\n" + "".join(f"  {line}\n" for line in lines) + tail)
        sys.stderr.flush()
        if avertir:
            return
        if _autoreload():
            raise ContenuInvalide(f"construction refusée : {total} problème(s) dans le contenu (voir ci-dessus)")
        raise SystemExit(1)
    finally:
        _state.problemes.clear()
        _state.cibles_cassees.clear()
        _collecteur.messages.clear()


def _on_initialized(pelican) -> None:
    root = logging.getLogger()
    if _collecteur not in root.handlers:
        root.addHandler(_collecteur)
    _collecteur.messages.clear()
    signals.all_generators_finalized.connect(_on_all_generators)
    signals.finalized.connect(_on_finalized)


def register():
    signals.initialized.connect(_on_initialized)
