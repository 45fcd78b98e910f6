"""The text model: a normalized view with offsets back to the original, and segmentation."""

from marsad.text.normalize import Normalized, normalize, normalize_word
from marsad.text.segment import Segmentation, Token, segment

__all__ = ["Normalized", "Segmentation", "Token", "normalize", "normalize_word", "segment"]
