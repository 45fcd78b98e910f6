"""marsad: an observatory for Arabic news on politics between states."""

__version__ = "0.1.0"
