"""Reading the PHP-serialized arrays WordPress stores in post meta, without PHP's objects."""

import re

SCALAR = re.compile(rb"([ibd]):([^;]*);|N;")


def unserialize(text):
    """Turn `a:1:{s:2:"en";s:5:"Hello";}` into `{"en": "Hello"}`.

    Only arrays, strings, numbers, booleans and null are read; anything else (objects
    above all) raises ValueError, so nothing in an export can build a Python object.
    """
    data = text.encode() if isinstance(text, str) else text
    value, end = read_value(data, 0)
    if data[end:].strip():
        raise ValueError("trailing data after the serialized value")
    return value


def read_value(data, pos):
    kind = data[pos : pos + 1]
    if kind == b"s":
        colon = data.index(b":", pos + 2)
        length = int(data[pos + 2 : colon])
        start = colon + 2
        if data[colon + 1 : start] != b'"' or data[start + length : start + length + 2] != b'";':
            raise ValueError(f"bad string at byte {pos}")
        return data[start : start + length].decode("utf-8", errors="replace"), start + length + 2
    if kind == b"a":
        colon = data.index(b":", pos + 2)
        count = int(data[pos + 2 : colon])
        if data[colon + 1 : colon + 2] != b"{":
            raise ValueError(f"bad array at byte {pos}")
        pos, result = colon + 2, {}
        for _ in range(count):
            key, pos = read_value(data, pos)
            result[key], pos = read_value(data, pos)
        if data[pos : pos + 1] != b"}":
            raise ValueError(f"unterminated array at byte {pos}")
        return result, pos + 1
    match = SCALAR.match(data, pos)
    if not match:
        raise ValueError(f"unsupported value at byte {pos}")
    if match.group(0) == b"N;":
        return None, match.end()
    raw = match.group(2).decode()
    value = {b"i": int, b"d": float, b"b": lambda v: v == "1"}[match.group(1)](raw)
    return value, match.end()
