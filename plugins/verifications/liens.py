"""Links: {filename}/{static}/{attach} links of the sources, and the links, images and anchors of built pages."""

from __future__ import annotations

import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from .commun import _add, _lines, _state

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


def verifier_liens_page(page, report, page_of, output: str, page_url: str, origin: str, base_path: str, siteurl: str,
                        skip_dirs: set[str], cibles: dict[str, str | None] | None = None) -> None:
    """The links, resources and anchors of one built page (report() names the source or the template).

    ``cibles``: the output files already found for site paths, shared by the pages of one check
    (every page links to the same menu, sections and calculators: 58 000 links, 2 000 targets
    at 1 000 articles)."""
    if cibles is None:
        cibles = {}

    def target_file(site_path: str) -> str | None:
        try:
            return cibles[site_path]
        except KeyError:
            found = cibles[site_path] = _target_file(output, site_path)
            return found

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
            if top != "pagefind" and target_file(normalised) is None:
                report(line, f"<{tag}> pointe vers « {url} », qui n'existe pas sur le site", (url,))
            continue
        target = target_file(normalised)
        if target is None:
            what = "l'image" if tag == "img" else "la page ou le fichier"
            report(line, f"<{tag}> pointe vers « {url} » : {what} n'existe pas sur le site", (url, parts.path))
            continue
        if parts.fragment and target.endswith(".html"):
            if unquote(parts.fragment) not in page_of(target).ids:
                report(line, f"<{tag}> pointe vers « {url} » : l'ancre #{parts.fragment} "
                             "n'existe pas dans la page visée", (url, "#" + parts.fragment))
