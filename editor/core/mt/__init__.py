"""Machine translation, Qt-free: the engine protocol, subtitle-aware segmentation, memory, cache, pretranslation."""
