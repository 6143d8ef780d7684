"""Data files shipped with nextround, such as the demo journey."""
