"""Common string constants, capwords, Template and Formatter (minipy's own implementation)."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Formatter',
           'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split by sep, capitalize each word, join with sep (a single space by default)."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


def _is_identifier_start(ch):
    return ch == '_' or ('a' <= ch.lower() <= 'z')


def _is_identifier_char(ch):
    return _is_identifier_start(ch) or '0' <= ch <= '9'


class Template:
    """A string class for supporting $-substitutions."""
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)

    def _scan(self):
        """Yields (kind, text, position): kind is 'text', 'escaped', 'named', 'braced' or
        'invalid'."""
        template = self.template
        delimiter = self.delimiter
        n = len(template)
        i = 0
        text_start = 0
        while True:
            j = template.find(delimiter, i)
            if j < 0:
                break
            if j > text_start:
                yield 'text', template[text_start:j], text_start
            k = j + len(delimiter)
            if template.startswith(delimiter, k):
                yield 'escaped', delimiter, j
                i = text_start = k + len(delimiter)
                continue
            if k < n and template[k] == '{':
                end = template.find('}', k + 1)
                name = template[k + 1:end] if end >= 0 else ''
                if end >= 0 and name and _is_identifier_start(name[0]) and all(
                        _is_identifier_char(c) for c in name) and name.isascii():
                    yield 'braced', name, j
                    i = text_start = end + 1
                    continue
                yield 'invalid', '', j
                i = text_start = k
                continue
            m = k
            if m < n and _is_identifier_start(template[m]) and template[m].isascii():
                m += 1
                while m < n and _is_identifier_char(template[m]) and template[m].isascii():
                    m += 1
                yield 'named', template[k:m], j
                i = text_start = m
                continue
            yield 'invalid', '', j
            i = text_start = k
        if text_start < n:
            yield 'text', template[text_start:], text_start

    def _invalid(self, position):
        position += len(self.delimiter)  # CPython reports the column just after the delimiter
        lines = self.template[:position].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = position - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMapping(kws, mapping)
        parts = []
        for kind, text, position in self._scan():
            if kind == 'text' or kind == 'escaped':
                parts.append(text)
            elif kind in ('named', 'braced'):
                parts.append(str(mapping[text]))
            else:
                self._invalid(position)
        return ''.join(parts)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMapping(kws, mapping)
        parts = []
        template = self.template
        for kind, text, position in self._scan():
            if kind == 'text' or kind == 'escaped':
                parts.append(text)
            elif kind in ('named', 'braced'):
                try:
                    parts.append(str(mapping[text]))
                except KeyError:
                    if kind == 'named':
                        parts.append(self.delimiter + text)
                    else:
                        parts.append(self.delimiter + '{' + text + '}')
            else:
                parts.append(self.delimiter)
        return ''.join(parts)

    def is_valid(self):
        return all(kind != 'invalid' for kind, _, _ in self._scan())

    def get_identifiers(self):
        ids = []
        for kind, text, _ in self._scan():
            if kind in ('named', 'braced') and text not in ids:
                ids.append(text)
        return ids


class _ChainMapping:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Formatter:
    """str.format's machinery as overridable methods."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field specification to '
                                         'automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field specification to '
                                         'automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError(f'Unknown conversion specifier {conversion}')

    def parse(self, format_string):
        """Yields (literal_text, field_name, format_spec, conversion) tuples."""
        i = 0
        n = len(format_string)
        literal = []
        while i < n:
            ch = format_string[i]
            if ch == '{':
                if i + 1 < n and format_string[i + 1] == '{':
                    literal.append('{')
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if format_string[j] == '{':
                        depth += 1
                    elif format_string[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = format_string[i + 1:j - 1]
                spec = ''
                conversion = None
                name = field
                bang = -1
                bracket = 0
                for idx, c in enumerate(field):
                    if c == '[':
                        bracket += 1
                    elif c == ']':
                        bracket -= 1
                    elif c in '!:' and not bracket:
                        bang = idx
                        break
                if bang >= 0:
                    name = field[:bang]
                    rest = field[bang:]
                    if rest[0] == '!':
                        if len(rest) < 2:
                            raise ValueError('end of string while looking for conversion '
                                             'specifier')
                        conversion = rest[1]
                        rest = rest[2:]
                        if rest and rest[0] != ':':
                            raise ValueError('expected \':\' after conversion specifier')
                    spec = rest[1:] if rest else ''
                yield ''.join(literal), name, spec, conversion
                literal = []
                i = j
            elif ch == '}':
                if i + 1 < n and format_string[i + 1] == '}':
                    literal.append('}')
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(ch)
                i += 1
        if literal:
            yield ''.join(literal), None, None, None

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first


def _split_field_name(name):
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    first = int(first) if first.isdigit() else first
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            rest.append((True, name[i + 1:j]))
            i = j
        else:
            j = name.index(']', i)
            key = name[i + 1:j]
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
    return first, rest
