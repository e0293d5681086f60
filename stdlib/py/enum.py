"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique (minipy's own code).

The metaclass collects the members from the class body after it ran (every public name that is
not a descriptor), so it needs no special namespace."""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'global_enum',
           'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE']

_builtin_property = property
_FunctionType = type(lambda: None)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = f'_{cls_name}__'
    return name.startswith(pattern) and not name.endswith('__')


def _is_descriptor(obj):
    if isinstance(obj, (_builtin_property, staticmethod, classmethod, _FunctionType)):
        return True
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__'))


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value if value is not None else _auto_null
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class member:
    """Forces an item to become an Enum member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Protects an item from becoming an Enum member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """A property usable on enum members whose name may clash with a member's."""


def global_enum(cls, update_str=False):
    return cls


class FlagBoundary:
    pass


STRICT, CONFORM, EJECT, KEEP = 'strict', 'conform', 'eject', 'keep'
CONTINUOUS, NAMED_FLAGS, UNIQUE = 'no skipped integer values', 'multi-flag aliases may not ' \
    'contain unnamed flags', 'one name per value'
EnumCheck = str


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def _mappingproxy(mapping):
    try:
        import types
        return types.MappingProxyType(mapping)
    except Exception:
        return dict(mapping)


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        return {}

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        members = []
        body = {}
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                members.append((key, value.value))
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                body[key] = value
            else:
                members.append((key, value))
        invalid = {'mro', ''} & {name for name, _ in members}
        if invalid:
            raise ValueError(f"invalid enum member name(s) {','.join(map(repr, invalid))}")
        if members and first_enum is not None and first_enum._member_names_:
            raise TypeError(f'{cls}: cannot extend enumeration {first_enum.__name__!r}')

        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        custom_new = classdict.get('__new__')
        if custom_new is not None and first_enum is not None:
            # A data type's __new__ (StrEnum's, a user's) makes members; lookups by value go
            # through Enum.__new__.
            if isinstance(custom_new, staticmethod):
                custom_new = custom_new.__func__
            body['_new_member_'] = custom_new
            body['__new__'] = Enum.__dict__['__new__']
        elif first_enum is not None and member_type is not object and '__new__' not in body:
            # Calls look members up by value, whatever the data type's __new__ does.
            body['__new__'] = Enum.__dict__['__new__']
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if first_enum is not None:
            # The data type's repr/str/format must not win over the enum's (int before Enum in
            # IntEnum's MRO).
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in classdict:
                    continue
                if member_type is not object:
                    # Copy the nearest enum class's method into this class, so that it wins over
                    # the data type's slot whatever the MRO says.
                    for base in enum_class.__mro__[1:]:
                        if isinstance(base, EnumType) and name in base.__dict__:
                            setattr(enum_class, name, base.__dict__[name])
                            break
                    continue
                found = getattr(enum_class, name, None)
                if (found is getattr(member_type, name, None) or
                        found is getattr(object, name, None)):
                    setattr(enum_class, name, getattr(first_enum, name))
            if Flag is not None and issubclass(enum_class, Flag):
                # Flag's operators win over int's for IntFlag.
                for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                             '__invert__', '__iter__', '__len__', '__contains__', '__bool__'):
                    if name not in classdict:
                        setattr(enum_class, name, Flag.__dict__[name])

        if Enum is not None and 'Enum' in globals():
            enum_class._boundary_ = boundary or getattr(first_enum, '_boundary_', None)
            last_values = []
            generate = enum_class._generate_next_value_
            for index, (name, value) in enumerate(members):
                if isinstance(value, auto):
                    if value.value is _auto_null:
                        value.value = generate(name, 1, index, last_values[:])
                    value = value.value
                elif isinstance(value, tuple) and value and isinstance(value[0], auto):
                    value = tuple(v.value if isinstance(v, auto) else v for v in value)
                enum_class._add_member_(name, value)
                last_values.append(value)
        return enum_class

    @staticmethod
    def _get_mixins_(class_name, bases):
        if not bases:
            return object, None
        last = bases[-1]
        if not isinstance(last, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        member_type = object
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        member_type = base._member_type_
                        break
                    continue
                if '__new__' in base.__dict__ or base in (int, str, float, bytes, tuple):
                    member_type = base
                    break
            if member_type is not object:
                break
        return member_type, last

    def _add_member_(cls, name, value):
        member_type = cls._member_type_
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        new = getattr(cls, '_new_member_', None)
        if new is not None:
            enum_member = new(cls, *args)
            if not hasattr(enum_member, '_value_'):
                enum_member._value_ = value if member_type is object else member_type(*args)
        else:
            if member_type is object:
                enum_member = object.__new__(cls)
            else:
                enum_member = member_type.__new__(cls, *args)
            if not hasattr(enum_member, '_value_'):
                if member_type is object:
                    enum_member._value_ = value
                else:
                    enum_member._value_ = member_type(*args)
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(cls._member_names_)
        # An alias: a later name for a value already present.
        for other in cls._member_map_.values():
            if other._value_ == value:
                enum_member = other
                break
        else:
            # Flag iteration lists only the canonical (single-bit) members, as 3.11 does.
            is_flag = Flag is not None and issubclass(cls, Flag)
            if not is_flag or _is_single_bit(value):
                cls._member_names_.append(name)
        setattr(cls, name, enum_member)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)
        if Flag is not None and issubclass(cls, Flag) and isinstance(value, int):
            cls._flag_mask_ = getattr(cls, '_flag_mask_', 0) | value
            if _is_single_bit(value):
                cls._singles_mask_ = getattr(cls, '_singles_mask_', 0) | value
            cls._all_bits_ = 2 ** max(cls._flag_mask_.bit_length(), 1) - 1

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original = names
            names = []
            last_values = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        classdict = {}
        items = names.items() if hasattr(names, 'items') else names
        for item in items:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                import sys
                module = sys._getframe(2).f_globals['__name__']
            except Exception:
                module = None
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        if not isinstance(value, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    value.__class__.__qualname__, cls.__class__.__qualname__))
        return False

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f'{cls.__name__}: cannot delete Enum member {attr!r}.')
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return _mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)


EnumMeta = EnumType
Enum = None
Flag = None


def _is_single_bit(value):
    if not isinstance(value, int) or value <= 0:
        return False
    return value & (value - 1) == 0


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        ve_exc = ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError(f'error in {cls.__name__}._missing_: returned {result!r} instead '
                            f'of None or a valid member')
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start
        for last_value in reversed(last_values):
            try:
                return last_value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = (self._member_type_.__repr__ if self._member_type_ is not object
                      else repr)
        return f'<{self.__class__.__name__}.{self._name_}: {value_repr(self._value_)}>'

    def __str__(self):
        return f'{self.__class__.__name__}.{self._name_}'

    def __dir__(self):
        names = ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']
        names += [n for n in self.__class__.__dict__ if not n.startswith('_')]
        return sorted(set(names))

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @_builtin_property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return repr(int(self))

    def __format__(self, format_spec):
        return format(int(self), format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(self, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _bits_of(value):
    bits = []
    bit = 1
    while bit <= value:
        if value & bit:
            bits.append(bit)
        bit <<= 1
    return bits


class Flag(Enum):
    """Support for flags: members combine with |, & and ^."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError(f'invalid flag value {last_value!r}') from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        flag_mask = getattr(cls, '_flag_mask_', 0)
        if value < 0:
            value = value & getattr(cls, '_all_bits_', flag_mask)
        if value & ~flag_mask:
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        if value == 0:
            pseudo._name_ = None
        else:
            names = []
            for member in cls._iter_members_(value):
                names.append(member._name_)
            pseudo._name_ = '|'.join(names)
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_members_(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ and member._value_ & value == member._value_:
                yield member

    def __iter__(self):
        return iter(list(self.__class__._iter_members_(self._value_)))

    def __len__(self):
        return bin(self._value_).count('1')

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = self.__class__.__name__
        value_repr = (self._member_type_.__repr__ if self._member_type_ is not object
                      else repr)
        if self._name_ is None:
            return f'<{cls_name}: {value_repr(self._value_)}>'
        return f'<{cls_name}.{self._name_}: {value_repr(self._value_)}>'

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f'{cls_name}({self._value_!r})'
        return f'{cls_name}.{self._name_}'

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        mask = getattr(self.__class__, '_singles_mask_', 0)
        return self.__class__(mask & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags."""

    def __str__(self):
        return repr(int(self))

    def __format__(self, format_spec):
        return format(int(self), format_spec)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        pseudo = int.__new__(cls, value)
        pseudo._value_ = value
        if value == 0:
            pseudo._name_ = None
        else:
            names = [m._name_ for m in cls._iter_members_(value)]
            rest = value
            for m in cls._iter_members_(value):
                rest &= ~m._value_
            if rest and names:
                names.append(str(rest))
            pseudo._name_ = '|'.join(names) if names else None
        return cls._value2member_map_.setdefault(value, pseudo)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(f'{alias} -> {name}' for (alias, name) in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {alias_details}')
    return enumeration
