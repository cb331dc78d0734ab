"""What an uploaded file must be before anything of it is stored."""

import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Extension -> the Pillow format the content must have.
IMAGE_FORMATS = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
    "avif": "AVIF",
    "gif": "GIF",
}
CONTENT_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "AVIF": "image/avif",
    "GIF": "image/gif",
    "PDF": "application/pdf",
}
PDF_MAGIC = b"%PDF-"
ORIENTATION = 0x0112  # the EXIF tag
TURNED = {5, 6, 7, 8}  # orientations a quarter turn away


@dataclass
class Inspection:
    kind: str
    format: str
    extension: str
    width: int | None = None
    height: int | None = None
    animated: bool = False

    @property
    def content_type(self):
        return CONTENT_TYPES[self.format]


def extension_of(name):
    """ "La Fête.JPG" → "jpg": what a file's name says it is."""
    return PurePath(name).suffix.lower().lstrip(".")


def inspect(file, name):
    """Check `file` (named `name` by the author) and say what it is; ValidationError if it is refused."""
    extension = extension_of(name)
    if extension in ("svg", "svgz"):
        raise ValidationError(
            _("SVG files are refused: they can carry scripts. Export the picture as PNG or WebP."), code="svg"
        )
    if extension not in IMAGE_FORMATS and extension != "pdf":
        raise ValidationError(
            _("“%(name)s” cannot be added: only pictures (JPEG, PNG, WebP, AVIF, GIF) and PDF documents are accepted.")
            % {"name": name},
            code="extension",
        )
    if file.size > settings.MEDIA_MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.MEDIA_MAX_UPLOAD_SIZE),
            },
            code="size",
        )
    if not file.size:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    file.seek(0)
    if extension == "pdf":
        if file.read(len(PDF_MAGIC)) != PDF_MAGIC:
            raise ValidationError(
                _("“%(name)s” is not a PDF document, although its name says so.") % {"name": name}, code="content"
            )
        file.seek(0)
        return Inspection(kind="document", format="PDF", extension="pdf")
    return inspect_image(file, name, extension)


def inspect_image(file, name, extension):
    try:
        with warnings.catch_warnings():
            # Over Pillow's MAX_IMAGE_PIXELS (a warning up to twice that, an error beyond): a decompression bomb.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format, size = image.format, image.size
                animated = getattr(image, "n_frames", 1) > 1
                if image.getexif().get(ORIENTATION) in TURNED:
                    size = size[::-1]  # stored sideways: readers see it the way the camera was held
                image.load()  # decodes every pixel: a truncated file fails here
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationError(
            _("“%(name)s” is refused: its dimensions are too large to process safely.") % {"name": name},
            code="bomb",
        ) from None
    except UnidentifiedImageError:
        raise ValidationError(
            _("“%(name)s” is not a picture, although its name says so.") % {"name": name}, code="content"
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("“%(name)s” is damaged or incomplete (was the upload interrupted?).") % {"name": name}, code="truncated"
        ) from None
    finally:
        file.seek(0)
    if image_format != IMAGE_FORMATS[extension]:
        raise ValidationError(
            _("“%(name)s” is not what its name says: it contains a %(format)s picture.")
            % {"name": name, "format": image_format or "?"},
            code="content",
        )
    return Inspection(
        kind="image", format=image_format, extension=extension, width=size[0], height=size[1], animated=animated
    )
