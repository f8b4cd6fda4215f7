"""SubReview: review and edit subtitles with machine translation kept under human control."""

__version__ = "0.1.0"
