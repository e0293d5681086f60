"""Extract, format and print information about Python stack traces.

minipy's traceback module, written for minipy after CPython 3.11's documented behaviour: the text
it makes is the same as the interpreter's own printer (vm/traceback.cpp) writes for an uncaught
exception, carets under the failing operation included. Frames come from tb_frame / f_back,
positions from code.co_positions() indexed by tb_lasti // 2, source lines from linecache.
"""

import linecache
import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_RECURSIVE_CUTOFF = 3  # the same as the interpreter's printer

_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")
_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")


# ---------------------------------------------------------------- lists of frames

def print_list(extracted_list, file=None):
    """Print a list of FrameSummary objects or (filename, lineno, name, line) tuples."""
    if file is None:
        file = sys.stderr
    for text in StackSummary.from_list(extracted_list).format():
        print(text, file=file, end="")


def format_list(extracted_list):
    """The lines print_list would print, one string per entry."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to `limit` entries of the traceback `tb`."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """A StackSummary of the traceback's entries, outermost first."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


# ---------------------------------------------------------------- exceptions

class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    # The 3.10 calling convention print_exception(exc) next to the old (type, value, tb).
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _sentinel:
        if exc is None:
            return None, None
        if isinstance(exc, BaseException):
            return exc, exc.__traceback__
        raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print the exception with its traceback (and, if `chain`, its causes and contexts)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines print_exception would print."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of a traceback: the exception's type and message (the location block
    first for a SyntaxError), then its __notes__."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    text = _safe_string(value, 'exception')
    if value is None or not text:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, text)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (sys.exception())."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The text print_exc would print."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_type, last_value, last_traceback)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


# ---------------------------------------------------------------- stacks

def print_stack(f=None, limit=None, file=None):
    """Print the stack from frame `f` (default: the caller's) outwards, outermost first."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack from `f` (default: the caller's frame), outermost first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Drop the local variables of the frames of a traceback (a running frame is left alone)."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


def walk_stack(f):
    """Yield (frame, lineno) from `f` through its f_back chain (default: the current stack)."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Yield (frame, lineno) for each entry of a traceback, following tb_next."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    index = instruction_index // 2
    for i, position in enumerate(code.co_positions()):
        if i == index:
            return position
    return (None, None, None, None)


# ---------------------------------------------------------------- frame summaries

class FrameSummary:
    """One frame of a traceback or stack: filename, lineno, name, line (the stripped source
    line, or None), the positions end_lineno, colno, end_colno, and locals (reprs, or None)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(
            self.filename, self.lineno, self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        # The source line with its whitespace.
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


# ---------------------------------------------------------------- carets

_OPERATOR_PRECEDENCE = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5,
                        '*': 6, '@': 6, '/': 6, '//': 6, '%': 6, '**': 8}
_UNARY_PRECEDENCE = 7
_LONG_OPERATORS = ('**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '<<', '>>',
                   '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=')
_NOT_AN_OPERATION = frozenset(
    ['and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
     'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
     'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with',
     'yield', ',', ':', ';', '=', ':=', '<', '>', '<=', '>=', '==', '!=', '->', '+=', '-=',
     '*=', '/=', '%=', '&=', '|=', '^=', '@=', '**=', '//=', '>>=', '<<=', '\\'])


def _tokens(segment):
    # (kind, text, start, end, depth) for one line of source; kind is 'name', 'number', 'string',
    # 'open', 'close' or 'op'. Brackets carry the depth outside them. None when it cannot be
    # scanned (an unterminated string or bracket).
    result = []
    depth = 0
    i = 0
    n = len(segment)
    while i < n:
        c = segment[i]
        if c in ' \t\f\r\n':
            i += 1
            continue
        if c == '#':
            break
        start = i
        if c.isalpha() or c == '_' or ord(c) > 127:
            while i < n and (segment[i].isalnum() or segment[i] == '_' or ord(segment[i]) > 127):
                i += 1
            word = segment[start:i]
            if i < n and segment[i] in '\'"' and len(word) <= 2 and \
                    all(ch in 'rRbBuUfF' for ch in word):
                c = segment[i]
            else:
                result.append(('name', word, start, i, depth))
                continue
        if c in '\'"':
            quote = segment[i:i + 3] if segment[i:i + 3] in ('"""', "'''") else c
            i += len(quote)
            while i < n and segment[i:i + len(quote)] != quote:
                i += 2 if segment[i] == '\\' else 1
            if i >= n:
                return None
            i += len(quote)
            result.append(('string', segment[start:i], start, i, depth))
            continue
        if c.isdigit() or (c == '.' and i + 1 < n and segment[i + 1].isdigit()):
            while i < n and (segment[i].isalnum() or segment[i] in '._' or
                             (segment[i] in '+-' and segment[i - 1] in 'eE' and
                              not segment[start:i].lower().startswith('0x'))):
                i += 1
            result.append(('number', segment[start:i], start, i, depth))
            continue
        if c in '([{':
            result.append(('open', c, i, i + 1, depth))
            depth += 1
            i += 1
            continue
        if c in ')]}':
            depth -= 1
            if depth < 0:
                return None
            result.append(('close', c, i, i + 1, depth))
            i += 1
            continue
        for op in _LONG_OPERATORS:
            if segment.startswith(op, i):
                break
        else:
            op = c
        result.append(('op', op, i, i + len(op), depth))
        i += len(op)
    if depth:
        return None
    return result


def _is_operand_end(token):
    return token[0] in ('name', 'number', 'string', 'close') and \
        not (token[0] == 'name' and token[1] in _NOT_AN_OPERATION)


def _extract_caret_anchors_from_line_segment(segment):
    """For a segment that is a binary operation or a subscript, the (left_end, right_start)
    character offsets of its operator or of its [...] part; None for anything else."""
    tokens = _tokens(segment)
    if not tokens:
        return None
    lo, hi, base = 0, len(tokens), 0
    # A parenthesized whole: look inside (the operation is the same).
    while hi - lo >= 2 and tokens[lo][1] == '(' and tokens[hi - 1][1] == ')':
        if any(t[4] == base for t in tokens[lo + 1:hi - 1]):
            break  # (a) + (b): the first parenthesis closes early
        lo, hi, base = lo + 1, hi - 1, base + 1
    top = [(index, t) for index, t in enumerate(tokens[lo:hi], lo) if t[4] == base]
    for index, t in top:
        if t[1] in _NOT_AN_OPERATION and t[0] in ('name', 'op'):
            return None
    binary = []
    for index, t in top:
        if t[0] != 'op' or t[1] not in _OPERATOR_PRECEDENCE:
            continue
        if index > lo and _is_operand_end(tokens[index - 1]):
            binary.append((_OPERATOR_PRECEDENCE[t[1]], index, t))
        elif t[1] not in ('+', '-', '~'):
            return None  # *args, **kwargs: not an expression of its own
    leading_unary = tokens[lo][0] == 'op' and tokens[lo][1] in ('+', '-', '~')
    if binary:
        lowest = min(b[0] for b in binary)
        if leading_unary and lowest > _UNARY_PRECEDENCE:
            return None  # -a ** b is -(a ** b)
        level = [b for b in binary if b[0] == lowest]
        chosen = level[0] if lowest == _OPERATOR_PRECEDENCE['**'] else level[-1]
        operator = chosen[2]
        return _Anchors(operator[2], operator[3])
    if leading_unary or tokens[hi - 1][1] != ']':
        return None
    # value[slice]: the last top-level '[' opens the subscript.
    opener = None
    for index, t in top:
        if t[1] == '[' and t[0] == 'open':
            opener = index
    if opener is None or opener == lo or not _is_operand_end(tokens[opener - 1]):
        return None
    return _Anchors(tokens[opener][2], tokens[hi - 1][3])


class _Anchors:
    __slots__ = ('left_end_offset', 'right_start_offset', 'primary_char', 'secondary_char')

    def __init__(self, left_end_offset, right_start_offset, primary_char='~',
                 secondary_char='^'):
        self.left_end_offset = left_end_offset
        self.right_start_offset = right_start_offset
        self.primary_char = primary_char
        self.secondary_char = secondary_char


def _byte_offset_to_character_offset(text, offset):
    as_utf8 = text.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


# ---------------------------------------------------------------- stack summaries

class StackSummary(list):
    """A list of FrameSummary objects, outermost first for tracebacks."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """A StackSummary from (frame, lineno) pairs (walk_tb, walk_stack)."""
        def with_positions():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            with_positions(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None, lookup_lines=True,
                                         capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        entries = []
        if limit is None:
            entries = list(frame_gen)
        elif limit >= 0:
            for item in frame_gen:
                if len(entries) >= limit:
                    break
                entries.append(item)
        else:
            for item in frame_gen:
                entries.append(item)
                if len(entries) > -limit:
                    del entries[0]
        result = klass()
        filenames = set()
        for f, (lineno, end_lineno, colno, end_colno) in entries:
            code = f.f_code
            filename = code.co_filename
            filenames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(filename, lineno, code.co_name, lookup_line=False,
                                       locals=f_locals, end_lineno=end_lineno, colno=colno,
                                       end_colno=end_colno))
        for filename in filenames:
            linecache.checkcache(filename)
        if lookup_lines:
            for summary in result:
                summary.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary from FrameSummary objects or (filename, lineno, name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text of one frame: its File line, its source line and the carets under the
        failing part of it (when that is not the whole line), then its locals."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append('    {}\n'.format(stripped_line))
            line = frame_summary._original_line
            stripped_characters = len(line) - len(frame_summary.line.lstrip())
            if frame_summary.colno is not None and frame_summary.end_colno is not None:
                start_offset = _byte_offset_to_character_offset(line, frame_summary.colno)
                end_offset = _byte_offset_to_character_offset(line, frame_summary.end_colno)
                code_segment = line[start_offset:end_offset]
                anchors = None
                if frame_summary.lineno == frame_summary.end_lineno:
                    try:
                        anchors = _extract_caret_anchors_from_line_segment(code_segment)
                    except Exception:
                        anchors = None
                else:
                    end_offset = len(line.rstrip())
                if end_offset - start_offset < len(stripped_line) or (
                        anchors and anchors.right_start_offset - anchors.left_end_offset > 0):
                    row.append('    ')
                    # As CPython's: the offsets count from 1 and the line's newline is among
                    # the stripped characters.
                    row.append(' ' * (start_offset + 1 - stripped_characters))
                    if anchors:
                        row.append(anchors.primary_char * anchors.left_end_offset)
                        row.append(anchors.secondary_char *
                                   (anchors.right_start_offset - anchors.left_end_offset))
                        row.append(anchors.primary_char *
                                   (end_offset - start_offset - anchors.right_start_offset))
                    else:
                        row.append('^' * (end_offset - start_offset))
                    row.append('\n')
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """One string per frame; after three identical entries in a row (same file, line and
        function) the rest are counted in one "[Previous line repeated N more times]"."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
        return result


def _repeated_line(count):
    return f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n'


# ---------------------------------------------------------------- TracebackException

class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        prefix = self.indent()
        if self.exception_group_depth:
            prefix += margin_char + ' '
        if isinstance(text_gen, str):
            text_gen = [text_gen]
        for text in text_gen:
            yield ''.join(prefix + line for line in text.splitlines(True))


def _is_sequence(value):
    if isinstance(value, (list, tuple, str)):
        return True
    import collections.abc
    return isinstance(value, collections.abc.Sequence)


class TracebackException:
    """An exception captured for formatting: its type, str(), __notes__, stack (a StackSummary),
    the SyntaxError fields (filename, lineno, end_lineno, text, offset, end_offset, msg), its
    __cause__ / __context__ as TracebackExceptions, __suppress_context__, and for exception
    groups `exceptions` (else None)."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lineno = exc_value.lineno
            self.lineno = str(lineno) if lineno is not None else None
            end_lineno = exc_value.end_lineno
            self.end_lineno = str(end_lineno) if end_lineno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False
        if is_recursive_call:
            return
        # Causes, contexts and group members, breadth first with a queue (no deep recursion).
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            cause = None
            if e is not None and e.__cause__ is not None and id(e.__cause__) not in _seen:
                cause = TracebackException(
                    type(e.__cause__), e.__cause__, e.__cause__.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    max_group_width=max_group_width, max_group_depth=max_group_depth,
                    _seen=_seen)
            if compact:
                need_context = cause is None and e is not None and not e.__suppress_context__
            else:
                need_context = True
            context = None
            if (e is not None and e.__context__ is not None and need_context and
                    id(e.__context__) not in _seen):
                context = TracebackException(
                    type(e.__context__), e.__context__, e.__context__.__traceback__,
                    limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals,
                    max_group_width=max_group_width, max_group_depth=max_group_depth,
                    _seen=_seen)
            exceptions = None
            if e is not None and isinstance(e, BaseExceptionGroup):
                exceptions = []
                for member in e.exceptions:
                    exceptions.append(TracebackException(
                        type(member), member, member.__traceback__, limit=limit,
                        lookup_lines=lookup_lines, capture_locals=capture_locals,
                        max_group_width=max_group_width, max_group_depth=max_group_depth,
                        _seen=_seen))
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                queue.append((te.__cause__, e.__cause__))
            if context:
                queue.append((te.__context__, e.__context__))
            if exceptions:
                queue.extend(zip(te.exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """A TracebackException of an exception instance."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """Yield the exception's last lines: "Type: message" (for a SyntaxError the location
        block first), then the __notes__."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if self.__notes__ is not None and _is_sequence(self.__notes__):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                for line in note.split('\n'):
                    yield line + '\n'
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr)

    def _format_syntax_error(self, stype):
        suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            suffix = ' ({})'.format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    # Tabs and other whitespace are kept so that the carets line up.
                    caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                    yield '    {}{}'.format(caretspace, '^' * (end_colno - colno) + "\n")
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, suffix)

    def format(self, *, chain=True, _ctx=None):
        """Yield the lines of the whole report: tracebacks and messages, the chained exceptions
        first (with the "direct cause" / "During handling" separators) when `chain`."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg, chained_exc = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg, chained_exc = _context_message, exc.__context__
                else:
                    chained_msg = chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from exc._format_group(chain, _ctx)

    def _format_group(self, chain, _ctx):
        is_toplevel = _ctx.exception_group_depth == 0
        if is_toplevel:
            _ctx.exception_group_depth += 1
        if self.stack:
            yield from _ctx.emit('Exception Group Traceback (most recent call last):\n',
                                 margin_char='+' if is_toplevel else None)
            yield from _ctx.emit(self.stack.format())
        yield from _ctx.emit(self.format_exception_only())
        count = len(self.exceptions)
        shown = count if count <= self.max_group_width else self.max_group_width + 1
        _ctx.need_close = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                _ctx.need_close = True  # unless a nested group closes the box itself
            truncated = self.max_group_width is not None and i >= self.max_group_width
            title = f'{i + 1}' if not truncated else '...'
            yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                   f'+---------------- {title} ----------------\n')
            _ctx.exception_group_depth += 1
            if not truncated:
                yield from self.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                remaining = count - self.max_group_width
                yield from _ctx.emit(
                    f"and {remaining} more exception{'s' if remaining > 1 else ''}\n")
            if last and _ctx.need_close:
                yield _ctx.indent() + "+------------------------------------\n"
                _ctx.need_close = False
            _ctx.exception_group_depth -= 1
        if is_toplevel:
            _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Print self.format(chain=chain) to `file` (default sys.stderr)."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
