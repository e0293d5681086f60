# json: dumps/loads output and errors as CPython's.
import json

data = {"name": "minipy", "version": [3, 11], "ok": True, "none": None, "pi": 3.14159,
        "nested": {"a": [], "b": {}, "c": [1, [2, [3]]]}, "text": "caf\u00e9 \u2603 \U0001f600 \"q\" \\ \n\t\x01"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, {"x": 2}], indent="--"))
print(json.dumps([1, [2, 3], {}], indent=0))
print(json.dumps({"a": 1, "b": 2}, separators=(",", ":")))
print(json.dumps({3: 1, 1.5: 2, True: 3, None: 4, "z": 5}))
print(json.dumps([1e100, 1.0, -0.0, 0.1, 1e-7, 123456789.0, float("inf"), float("-inf"), float("nan")]))
print(json.dumps(10 ** 30), json.dumps("plain"), json.dumps(None), json.dumps((1, 2)))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(json.dumps({1, 2} and [str({1})], default=str))
print(json.dumps(object, default=lambda o: "obj"))

for value, kwargs in [(object(), {}), ({(1,): 2}, {}), (float("nan"), {"allow_nan": False}), ({1j: 2} if False else {b"k": 1}, {})]:
    try:
        print(json.dumps(value, **kwargs))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)

print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": "\\u00e9\\ud83d\\ude00\\n", "c": {}}'))
print(json.loads("  [1, 2]  "), json.loads("123"), json.loads("-0.0"), json.loads('"x"'), json.loads("1E3"))
print(json.loads("[NaN, Infinity, -Infinity]"), json.loads(b'{"k": "v"}'))
print(json.loads('{"a": 1, "a": 2}'), json.loads("12345678901234567890123"))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"b": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads("[1.5, 2]", parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads("[NaN]", parse_constant=lambda s: "C" + s))
print(json.loads('"a\tb"', strict=False))

for text in ["", "[1,", '{"a" 1}', '{"a":1,}', "[1,]", '"abc', '"a\\x"', '"\\u12"', '"a\x01"', "[1 2]",
             "{1:2}", "1 2", "\ufeff1", "-", "01", "nul", "[[[[[", "{", '{"a"', "[1] x", "tru"]:
    try:
        print(repr(text), json.loads(text))
    except json.JSONDecodeError as e:
        print(repr(text), "JSONDecodeError:", e, e.pos, e.lineno, e.colno, repr(e.msg))

try:
    json.loads("\n\n  [1,\n  x]")
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))

try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)

deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError:
    print("RecursionError for deep nesting")
deep_list = []
for i in range(100000):
    deep_list = [deep_list]
try:
    json.dumps(deep_list)
except RecursionError:
    print("RecursionError for deep dumps")

print(json.dumps(json.loads(json.dumps(data))) == json.dumps(data))
print(json.JSONEncoder(indent=1).encode({"k": [1]}))
print(json.JSONDecoder().raw_decode('[1, 2] tail'))

import json.decoder
from json.encoder import JSONEncoder
print(json.decoder.JSONDecodeError is json.JSONDecodeError, JSONEncoder is json.JSONEncoder)

# expect: {"name": "minipy", "version": [3, 11], "ok": true, "none": null, "pi": 3.14159, "nested": {"a": [], "b": {}, "c": [1, [2, [3]]]}, "text": "caf\u00e9 \u2603 \ud83d\ude00 \"q\" \\ \n\t\u0001"}
# expect: {"name": "minipy", "version": [3, 11], "ok": true, "none": null, "pi": 3.14159, "nested": {"a": [], "b": {}, "c": [1, [2, [3]]]}, "text": "café ☃ 😀 \"q\" \\ \n\t\u0001"}
# expect: {
# expect:   "name": "minipy",
# expect:   "nested": {
# expect:     "a": [],
# expect:     "b": {},
# expect:     "c": [
# expect:       1,
# expect:       [
# expect:         2,
# expect:         [
# expect:           3
# expect:         ]
# expect:       ]
# expect:     ]
# expect:   },
# expect:   "none": null,
# expect:   "ok": true,
# expect:   "pi": 3.14159,
# expect:   "text": "caf\u00e9 \u2603 \ud83d\ude00 \"q\" \\ \n\t\u0001",
# expect:   "version": [
# expect:     3,
# expect:     11
# expect:   ]
# expect: }
# expect: [
# expect: --1,
# expect: --{
# expect: ----"x": 2
# expect: --}
# expect: ]
# expect: [
# expect: 1,
# expect: [
# expect: 2,
# expect: 3
# expect: ],
# expect: {}
# expect: ]
# expect: {"a":1,"b":2}
# expect: {"3": 1, "1.5": 2, "true": 3, "null": 4, "z": 5}
# expect: [1e+100, 1.0, -0.0, 0.1, 1e-07, 123456789.0, Infinity, -Infinity, NaN]
# expect: 1000000000000000000000000000000 "plain" null [1, 2]
# expect: {"a": 2, "b": 1} {"k": 4}
# expect: ["{1}"]
# expect: "obj"
# expect: TypeError: Object of type object is not JSON serializable
# expect: TypeError: keys must be str, int, float, bool or None, not tuple
# expect: ValueError: Out of range float values are not JSON compliant
# expect: TypeError: keys must be str, int, float, bool or None, not bytes
# expect: ValueError: Circular reference detected
# expect: {'a': [1, 2.5, -300.0, True, False, None], 'b': 'é😀\n', 'c': {}}
# expect: [1, 2] 123 -0.0 x 1000.0
# expect: [nan, inf, -inf] {'k': 'v'}
# expect: {'a': 2} 12345678901234567890123
# expect: [('b', 1), ('a', 2)]
# expect: [('b', 1)]
# expect: ['F1.5', 'I2']
# expect: ['CNaN']
# expect: a	b
# expect: '' JSONDecodeError: Expecting value: line 1 column 1 (char 0) 0 1 1 'Expecting value'
# expect: '[1,' JSONDecodeError: Expecting value: line 1 column 4 (char 3) 3 1 4 'Expecting value'
# expect: '{"a" 1}' JSONDecodeError: Expecting ':' delimiter: line 1 column 6 (char 5) 5 1 6 "Expecting ':' delimiter"
# expect: '{"a":1,}' JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 8 (char 7) 7 1 8 'Expecting property name enclosed in double quotes'
# expect: '[1,]' JSONDecodeError: Expecting value: line 1 column 4 (char 3) 3 1 4 'Expecting value'
# expect: '"abc' JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0) 0 1 1 'Unterminated string starting at'
# expect: '"a\\x"' JSONDecodeError: Invalid \escape: line 1 column 3 (char 2) 2 1 3 'Invalid \\escape'
# expect: '"\\u12"' JSONDecodeError: Invalid \uXXXX escape: line 1 column 3 (char 2) 2 1 3 'Invalid \\uXXXX escape'
# expect: '"a\x01"' JSONDecodeError: Invalid control character at: line 1 column 3 (char 2) 2 1 3 'Invalid control character at'
# expect: '[1 2]' JSONDecodeError: Expecting ',' delimiter: line 1 column 4 (char 3) 3 1 4 "Expecting ',' delimiter"
# expect: '{1:2}' JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1) 1 1 2 'Expecting property name enclosed in double quotes'
# expect: '1 2' JSONDecodeError: Extra data: line 1 column 3 (char 2) 2 1 3 'Extra data'
# expect: '\ufeff1' JSONDecodeError: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0) 0 1 1 'Unexpected UTF-8 BOM (decode using utf-8-sig)'
# expect: '-' JSONDecodeError: Expecting value: line 1 column 1 (char 0) 0 1 1 'Expecting value'
# expect: '01' JSONDecodeError: Extra data: line 1 column 2 (char 1) 1 1 2 'Extra data'
# expect: 'nul' JSONDecodeError: Expecting value: line 1 column 1 (char 0) 0 1 1 'Expecting value'
# expect: '[[[[[' JSONDecodeError: Expecting value: line 1 column 6 (char 5) 5 1 6 'Expecting value'
# expect: '{' JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1) 1 1 2 'Expecting property name enclosed in double quotes'
# expect: '{"a"' JSONDecodeError: Expecting ':' delimiter: line 1 column 5 (char 4) 4 1 5 "Expecting ':' delimiter"
# expect: '[1] x' JSONDecodeError: Extra data: line 1 column 5 (char 4) 4 1 5 'Extra data'
# expect: 'tru' JSONDecodeError: Expecting value: line 1 column 1 (char 0) 0 1 1 'Expecting value'
# expect: JSONDecodeError Expecting value: line 4 column 3 (char 10) True
# expect: TypeError: the JSON object must be str, bytes or bytearray, not int
# expect: RecursionError for deep nesting
# expect: RecursionError for deep dumps
# expect: True
# expect: {
# expect:  "k": [
# expect:   1
# expect:  ]
# expect: }
# expect: ([1, 2], 6)
# expect: True True
