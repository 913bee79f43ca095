"""Translations: ``<lang>/LC_MESSAGES/juwei.po`` (compiled to ``juwei.mo``) and the codes that label() shows."""
