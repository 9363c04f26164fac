"""The JavaScript that draws the charts (Vega, Vega-Lite, vega-embed), from vl-convert-python, never fetched.

vl-convert builds the bundle from the JavaScript inside its wheel, which takes several seconds, so it is built
once per vl-convert version and kept in the user's cache folder (not in the repository).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def _cache_file() -> Path:
    import vl_convert

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "accord" / f"vega-embed-{vl_convert.get_vega_embed_version()}-vl{vl_convert.__version__}.js"


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega-embed with Vega and Vega-Lite, as one classic script that sets window.vegaEmbed."""
    cache = _cache_file()
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    import vl_convert

    bundle = vl_convert.javascript_bundle()
    # inlined in a <script> element, a literal "</script" would end it early
    bundle = bundle.replace("</script", "<\\/script")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(bundle, encoding="utf-8")
        tmp.replace(cache)  # atomic: two processes building it at once never leave half a file
    except OSError:  # a read-only home still gets its charts, rebuilt each run
        pass
    return bundle
