"""Smaller copies of a picture for readers' screens, made once at upload."""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, features

# Pillow format -> (extension, options). Renditions carry no EXIF: no place, no camera serial.
ENCODINGS = {
    "AVIF": ("avif", {"quality": 60, "speed": 8}),  # speed 8: a tenth of the default's time, same size
    "WEBP": ("webp", {"quality": 80, "method": 4}),
    "JPEG": ("jpg", {"quality": 82, "optimize": True, "progressive": True}),
    "PNG": ("png", {"optimize": True}),
}


def output_formats(original_format):
    """Modern formats first (AVIF where this Pillow has it, WebP), then the original's format."""
    formats = ["AVIF"] if features.check("avif") else []
    formats.append("WEBP")
    fallback = original_format if original_format in ENCODINGS else "PNG"
    if fallback not in formats:
        formats.append(fallback)
    return formats


def widths_for(original_width):
    """The configured widths, never wider than the original (no upscaling)."""
    return sorted({min(width, original_width) for width in settings.MEDIA_RENDITION_WIDTHS})


def make(file, inspection, stem, storage):
    """Store the renditions of the picture in `file`; return their descriptions for MediaItem.renditions."""
    if inspection.animated:
        return []  # resizing would drop the animation: readers get the original
    file.seek(0)
    with Image.open(file) as opened:
        image = ImageOps.exif_transpose(opened)  # turned the way the camera was held
        icc_profile = opened.info.get("icc_profile")
    formats = output_formats(inspection.format)
    made = []
    try:
        for width in widths_for(image.width):  # each width resized once, then encoded in each format
            height = max(1, round(image.height * width / image.width))
            resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
            for image_format in formats:
                made.append(save_rendition(resized, image_format, icc_profile, stem, storage))
    except BaseException:
        for rendition in made:  # all or nothing
            storage.delete(rendition["name"])
        raise
    extensions = [ENCODINGS[image_format][0] for image_format in formats]
    return sorted(made, key=lambda r: (extensions.index(r["format"]), r["width"]))


def save_rendition(image, image_format, icc_profile, stem, storage):
    extension, options = ENCODINGS[image_format]
    encodable = prepared_for(image, image_format)
    encodable = encodable.copy() if encodable is image else encodable
    encodable.info = {}  # nothing of the original's metadata (EXIF, XMP, comments) travels
    buffer = io.BytesIO()
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    encodable.save(buffer, image_format, **options, **extra)
    name = storage.save(f"{stem}.{image.width}.{extension}", ContentFile(buffer.getvalue()))
    return {"width": image.width, "height": image.height, "format": extension, "name": name, "bytes": buffer.tell()}


def prepared_for(image, image_format):
    """A mode the encoder takes: JPEG has no transparency, palettes are widened for the others."""
    if image_format == "JPEG":
        return image.convert("RGB") if image.mode != "RGB" else image
    if image.mode not in ("RGB", "RGBA"):
        return image.convert("RGBA" if "transparency" in image.info or image.mode in ("LA", "PA", "P") else "RGB")
    return image
