"""The contract's closed sets (CONTRACT.md): named once here, with no imports and no I/O.

>>> THEMES
('四风', '医德医风', '安全隐患')
"""

from __future__ import annotations

THEMES = ("四风", "医德医风", "安全隐患")  # CONTRACT.md, "The themes"
MENTION_TYPES = ("date", "percentage", "target", "party")  # CONTRACT.md, the mention types table
