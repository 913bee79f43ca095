"""juwei (居委): governance toolkit for a residents' committee clerk."""

__version__ = "0.1.0"
