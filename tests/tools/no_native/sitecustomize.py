"""Put on PYTHONPATH to make Qt, libvlc and CTranslate2 unimportable, as on a machine without them."""

import importlib.abc
import sys

BLOCKED = ("PySide6", "shiboken6", "vlc", "ctranslate2", "sentencepiece")


class _Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked for this test)", name=name)
        return None


sys.meta_path.insert(0, _Block())
