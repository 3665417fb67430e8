"""The media file types an MMS may carry (SendMediaMessage's ``MediaUrls``).

SendMediaMessage: "Supported media file formats are listed in MMS file types, size and character
limits" (AWS End User Messaging SMS User Guide). That page lists MIME types; smsmock has no S3,
so a file's type is read from its key's extension (each extension's usual MIME type): one of
the listed types is accepted, a common type the list leaves out is ``ValidationException``
``MEDIA_TYPE_NOT_SUPPORTED``, and a key without an extension, or with one neither table knows,
is accepted (its type could only be learnt from S3). File sizes (2 MB for images, 600 KB
otherwise) are not checked for the same reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from smsmock.state.errors import ValidationError

SUPPORTED_MEDIA_TYPES: dict[str, str] = {
    "gif": "image/gif",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "jpe": "image/jpeg",
    "png": "image/png",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "3gp": "video/3gpp",
    "3g2": "video/3gpp2",
    "amr": "audio/amr",
    "mp4": "video/mp4",
    "m4a": "audio/mp4",
    "m4v": "video/mp4",
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "mov": "video/quicktime",
    "qt": "video/quicktime",
    "webm": "video/webm",
    "ics": "text/calendar",
    "vcf": "text/vcard",
    "vcard": "text/vcard",
    "pdf": "application/pdf",
}
"""Extension → MIME type, for every MIME type the user guide lists ("Only MP3 files are
supported for audio/mpeg")."""

UNSUPPORTED_MEDIA_TYPES: dict[str, str] = {
    "bmp": "image/bmp",
    "webp": "image/webp",
    "heic": "image/heic",
    "svg": "image/svg+xml",
    "avi": "video/x-msvideo",
    "mkv": "video/x-matroska",
    "ogv": "video/ogg",
    "mpg": "video/mpeg",
    "mpeg": "video/mpeg",
    "mp2": "audio/mpeg",
    "wav": "audio/wav",
    "flac": "audio/flac",
    "aac": "audio/aac",
    "txt": "text/plain",
    "csv": "text/csv",
    "html": "text/html",
    "json": "application/json",
    "zip": "application/zip",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
"""Common file types that the user guide's list leaves out (MP2 is ``audio/mpeg`` but not MP3)."""


def check_media_urls(urls: Iterable[str]) -> None:
    """``ValidationException`` ``MEDIA_TYPE_NOT_SUPPORTED`` (field ``MediaUrls[i]``) for a media
    file whose extension names a type MMS does not carry."""
    for i, url in enumerate(urls):
        name = url.rsplit("/", 1)[-1]
        extension = name.rpartition(".")[2].lower() if "." in name else ""
        if extension in SUPPORTED_MEDIA_TYPES:
            continue
        mime = UNSUPPORTED_MEDIA_TYPES.get(extension)
        if mime is not None:
            raise ValidationError(
                f"The media file {url} is {mime}, which MMS does not support.",
                "MEDIA_TYPE_NOT_SUPPORTED",
                [(f"MediaUrls[{i}]", f"{mime} is not a supported MMS media type.")],
            )
