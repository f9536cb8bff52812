"""Images a certificate carries: an issuer's logo and a leader's signature. An upload is
read with Pillow, checked, and written again as a plain PNG, so that what is kept is an
image and nothing else (no metadata, no second file hidden behind the first)."""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000
# Kept no larger than a printed page needs (a signature 6 cm wide at 300 dpi).
KEEP_SIDE = 800
ACCEPTED = {"PNG", "JPEG"}


def png_from_upload(upload: UploadedFile) -> bytes:
    """The upload as a clean PNG, or ValidationError saying what is wrong with it."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(_("The image is larger than 2 MB. Save it smaller and try "
                                "again."))
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The image is larger than 2 MB. Save it smaller and try "
                                "again."))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()
        if kind not in ACCEPTED:
            raise ValidationError(_("Upload a PNG or JPEG image."))
        with Image.open(io.BytesIO(data)) as image:
            if max(image.size) > MAX_SIDE:
                raise ValidationError(_("The image is larger than 4000 pixels on a side."))
            image.load()
            clean = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image we can read. Upload a PNG or "
                                "JPEG image.")) from None
    clean.thumbnail((KEEP_SIDE, KEEP_SIDE))
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


def digest(png: bytes) -> str:
    return hashlib.sha256(png).hexdigest()
