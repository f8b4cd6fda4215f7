"""Errors meant for a person, whose sentence the UI can show in its own language."""

from __future__ import annotations


class UserError(Exception):
    """`template` is an English sentence marked for translation in the "Errors" context, with {named} fields;
    the message is that sentence filled with `params`, so the UI can fill the translated one instead. Raised
    with a plain message only, it is shown as it is."""

    def __init__(self, message: str = "", *, template: str = "", **params: object) -> None:
        self.template = template
        self.params = params
        self.message = message or template.format(**params)
        super().__init__(self.message)


class CodedError(UserError):
    """A refusal with a `code` saying which one it is (for scripts and tests), and its sentence's template."""

    def __init__(self, code: str, *, template: str, **params: object) -> None:
        super().__init__("", template=template, **params)
        self.code = code

