"""Quality checks on subtitle cues: rules, editable per-client profiles, and the issues they report."""

from editor.core.glossary import GlossaryError, GlossaryTerm, load_glossary_csv, terms_in
from editor.core.qa.catalog import (
    DEFAULT_SEVERITIES,
    MESSAGES,
    RULES,
    SEVERITIES,
    SEVERITY_ORDER,
    QAIssue,
    format_issue,
    message_params,
    severity_rank,
)
from editor.core.qa.profile import (
    QAProfile,
    QAProfileError,
    builtin_profile,
    builtin_profile_dir,
    find_profile,
    language_key,
    load_profile,
)
from editor.core.qa.rules import (
    NEIGHBOUR_RULES,
    QAContext,
    check_own,
    checked_fields_changed,
    needs_full_check,
    run_qa,
)

__all__ = [
    "DEFAULT_SEVERITIES",
    "MESSAGES",
    "NEIGHBOUR_RULES",
    "RULES",
    "SEVERITIES",
    "SEVERITY_ORDER",
    "GlossaryError",
    "GlossaryTerm",
    "QAContext",
    "QAIssue",
    "QAProfile",
    "QAProfileError",
    "builtin_profile",
    "builtin_profile_dir",
    "check_own",
    "checked_fields_changed",
    "find_profile",
    "format_issue",
    "language_key",
    "load_glossary_csv",
    "load_profile",
    "message_params",
    "needs_full_check",
    "run_qa",
    "severity_rank",
    "terms_in",
]
