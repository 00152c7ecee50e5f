"""What a build keeps in `.cache/` for the next one (the converted and rendered pages, the
feeds, the search index's parts, the file checks), and the digest every key starts from."""

from .validation import ValidationCache
from .version import code_version

__all__ = ["ValidationCache", "code_version"]
