"""Production settings: pelicanconf.py plus the public address of the site.

The address comes from the environment variable SITEURL (no trailing slash), e.g.
    make publish SITEURL=https://cadre-libre.fr
    make publish SITEURL=https://mon-compte.github.io/cadre-libre
The GitHub Actions workflow passes the GitHub Pages address. Every link, the canonical
URLs, Open Graph, the sitemap and the Atom feed then use this absolute address.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    raise SystemExit(
        "publishconf.py : indiquez l'adresse publique du site, par exemple "
        "« make publish SITEURL=https://cadre-libre.fr » (reçu : %r)." % SITEURL
    )
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# The production build refuses to run while the legal notice (content/pages/mentions-legales.md)
# still holds placeholders: plugins/publication_prete/.
PLUGINS = [*PLUGINS, "publication_prete"]  # noqa: F405
VERIFIER_MENTIONS_LEGALES = True
