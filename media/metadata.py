"""A picture's metadata taken out of the original the library keeps, its pixels untouched.

The original is served at the address the Markdown names (/media/2026/12/la-fete.jpg), and the renditions' addresses
say it; a phone writes where the photo was taken (GPS) and the camera's serial number into it. What a picture needs
to show as it was taken stays: its orientation and its colour profile. The image data itself is copied byte for
byte: a JPEG is not encoded again.
"""

import io
import struct
import zlib

from PIL import Image

ORIENTATION = 0x0112

# JPEG segments kept: APP0 (JFIF), APP2 holding the colour profile, APP14 (Adobe: how CMYK is stored), and every
# segment that is not application data or a comment (tables, frame, scans).
JPEG_APP0, JPEG_APP1, JPEG_APP2, JPEG_APP14, JPEG_COM = 0xE0, 0xE1, 0xE2, 0xEE, 0xFE
JPEG_SOS, JPEG_EOI = 0xDA, 0xD9
# PNG chunks dropped: EXIF (but its orientation) and text (which holds XMP, and any note a program left), the time
# it was last changed.
PNG_METADATA = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
# WebP chunks dropped, and the bits of VP8X's flags that announce them.
WEBP_METADATA = {b"EXIF": 0x08, b"XMP ": 0x04}


def without_metadata(data, image_format):
    """The bytes of a picture (`image_format` as Pillow names it) without its metadata; other formats unchanged.

    Each segment or chunk of the image data is copied as it is, so the picture is the same when the reading reached
    the file's end. A file it cannot follow to the end (bytes between two segments, which decoders skip) is encoded
    again without its metadata (a JPEG with its own quantization tables) rather than kept with them.
    """
    strip = {"JPEG": _jpeg, "PNG": _png, "WEBP": _webp}.get(image_format)
    if strip is None:
        return data
    cleaned = strip(data)
    return cleaned if cleaned is not None else _encoded_again(data, image_format)


def _encoded_again(data, image_format):
    with Image.open(io.BytesIO(data)) as image:
        exif = _orientation_exif(image.getexif().tobytes())
        options = {"quality": "keep"} if image_format == "JPEG" else {}
        if exif:
            options["exif"] = exif
        if icc_profile := image.info.get("icc_profile"):
            options["icc_profile"] = icc_profile
        buffer = io.BytesIO()
        image.save(buffer, image_format, **options)
    return buffer.getvalue()


def _orientation_exif(exif_bytes):
    """EXIF holding only the orientation of some EXIF data ("Exif\\0\\0" and TIFF data), or None if upright."""
    exif = Image.Exif()
    try:
        exif.load(exif_bytes)
    except (SyntaxError, ValueError, struct.error, EOFError, OSError):
        return None  # damaged: dropped with the rest
    orientation = exif.get(ORIENTATION, 1)
    if orientation == 1:
        return None
    kept = Image.Exif()
    kept[ORIENTATION] = orientation
    return kept.tobytes()


def _jpeg(data):
    parts, position, scanned = [data[:2]], 2, False  # SOI
    while True:
        if position + 2 > len(data) or data[position] != 0xFF:
            return None  # not a segment where one should begin
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == JPEG_EOI:
            break
        if position + 4 > len(data):
            return None
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        if position + 2 + length > len(data):
            return None
        segment = data[position : position + 2 + length]
        payload = segment[4:]
        position += 2 + length
        if marker == JPEG_SOS:
            end = _scan_end(data, position)
            parts += [segment, data[position:end]]
            position, scanned = end, True
        elif marker == JPEG_APP1 and payload.startswith(b"Exif\0\0"):
            if exif := _orientation_exif(payload):
                parts.append(_jpeg_segment(JPEG_APP1, exif))
        elif _kept_jpeg_segment(marker, payload):
            parts.append(segment)
    if not scanned:
        return None
    # What followed the image (a phone's second picture, its maker's data) is left behind with the rest.
    parts.append(b"\xff\xd9")
    return b"".join(parts)


def _kept_jpeg_segment(marker, payload):
    if marker in (JPEG_APP0, JPEG_APP14) or (marker == JPEG_APP2 and payload.startswith(b"ICC_PROFILE\0")):
        return True
    return not (0xE0 <= marker <= 0xEF or marker == JPEG_COM)


def _scan_end(data, position):
    """Where a scan's entropy-coded data ends: at the next marker (0xFF not followed by 0x00 or a restart)."""
    while (position := data.find(b"\xff", position)) != -1 and position + 1 < len(data):
        following = data[position + 1]
        if following != 0x00 and not 0xD0 <= following <= 0xD7 and following != 0xFF:
            return position
        position += 1
    return len(data)


def _jpeg_segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _png(data):
    parts, position = [data[:8]], 8
    while True:
        if position + 12 > len(data):
            return None  # cut before its end
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if position + 12 + length > len(data):
            return None
        chunk = data[position : position + 12 + length]
        position += 12 + length
        if kind == b"eXIf" and (exif := _orientation_exif(chunk[8 : 8 + length])):
            parts.append(_png_chunk(kind, exif.removeprefix(b"Exif\0\0")))  # the TIFF data alone, as it came
        elif kind not in PNG_METADATA:
            parts.append(chunk)
        if kind == b"IEND":
            return b"".join(parts)


def _png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def _webp(data):
    chunks, position, flags_at = [], 12, None
    orientation = None
    end = 8 + struct.unpack("<I", data[4:8])[0]  # RIFF's size: what a phone appends after it is left behind
    while position < end:
        if position + 8 > min(end, len(data)):
            return None
        kind, length = struct.unpack("<4sI", data[position : position + 8])
        if position + 8 + length + (length & 1) > min(end, len(data)):
            return None
        chunk = data[position : position + 8 + length + (length & 1)]
        position += len(chunk)
        if kind == b"EXIF":
            orientation = _orientation_exif(chunk[8 : 8 + length])
        if kind in WEBP_METADATA:
            continue
        if kind == b"VP8X":
            flags_at = sum(len(c) for c in chunks) + 8
        chunks.append(chunk)
    body = bytearray(b"".join(chunks))
    if flags_at is not None:
        body[flags_at] &= ~sum(WEBP_METADATA.values()) & 0xFF
        if orientation:
            body[flags_at] |= WEBP_METADATA[b"EXIF"]
            exif = orientation.removeprefix(b"Exif\0\0")  # a WebP's EXIF chunk holds the TIFF data alone
            body += b"EXIF" + struct.pack("<I", len(exif)) + exif + b"\0" * (len(exif) & 1)
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + bytes(body)
