"""A throw-away site (config file + store + output dir) under a temp folder, for end-to-end tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from syndicate.config import Config, load_config

CONFIG = """
[site]
name = "Levant Desk"
base_url = "https://news.example.org/"
feeds_url = "https://news.example.org/feeds/"
publisher = "Levant Desk Media Department"
rights = "© 2026 Levant Desk"
usage_terms = "Partners only"

[languages]
source = ["en", "ar"]

[[categories]]
slug = "politics"
name = {{ en = "Politics", ar = "سياسة" }}
medtop = ["medtop:11000000"]

[[categories]]
slug = "humanitarian"
name = {{ en = "Humanitarian", ar = "الشؤون الإنسانية" }}

[[categories]]
slug = "economy"
name = {{ en = "Economy", ar = "اقتصاد" }}

[[categories]]
slug = "coalition-news"
name = {{ en = "Coalition News", ar = "أخبار الائتلاف" }}

[output]
dir = "feeds"
formats = {formats}
items_per_feed = {items}
partners_dir = "partners"

[store]
url = "{store_url}"
{extra}
"""


def make_site(tmp_path: Path, store_url: str | None = None, *, formats: tuple[str, ...] = ("rss", "atom", "json"),
              items: int = 50, extra: str = "") -> Path:
    """Write ``tmp_path/syndicate.toml`` and return its path."""
    url = store_url or f"sqlite:///{tmp_path / 'store.sqlite3'}"
    path = tmp_path / "syndicate.toml"
    path.write_text(CONFIG.format(formats=json.dumps(list(formats)), items=items, store_url=url, extra=extra),
                    encoding="utf-8")
    return path


def site_config(tmp_path: Path, **kwargs: Any) -> Config:
    return load_config(make_site(tmp_path, **kwargs), env={})


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path → bytes)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
