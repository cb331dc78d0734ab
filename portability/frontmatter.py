"""A text file with TOML front matter between `+++` lines, as Hugo and Zola read it.

Python reads TOML (tomllib) but does not write it; the few kinds of values Carnet
writes (strings, integers, booleans, dates, lists of strings, one level of tables)
are written here.
"""

import datetime
import json
import tomllib

FENCE = "+++"


class FrontMatterError(ValueError):
    pass


def dumps(meta, body):
    """`meta` (a dict) as TOML between fences, then `body` as it is."""
    lines, tables = [FENCE], []
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, dict):
            tables.append((key, value))
        else:
            lines.append(f"{key} = {toml_value(value)}")
    for name, table in tables:
        lines.append(f"\n[{name}]")
        lines.extend(f"{key} = {toml_value(value)}" for key, value in table.items() if value is not None)
    lines.append(FENCE)
    return "\n".join(lines) + "\n" + body


def loads(text):
    """(meta, body) of a text written by `dumps`."""
    if not text.startswith(FENCE + "\n"):
        raise FrontMatterError("the file does not start with a +++ line")
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end < 0:
        raise FrontMatterError("the front matter has no closing +++ line")
    try:
        meta = tomllib.loads(text[len(FENCE) + 1 : end])
    except tomllib.TOMLDecodeError as error:
        raise FrontMatterError(str(error)) from error
    return meta, text[end + len(FENCE) + 2 :]


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, str):
        # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
