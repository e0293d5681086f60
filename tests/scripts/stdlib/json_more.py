# json: bytes input encodings, encoder subclasses, dump/load with files, escaping edges.
import json
print(json.loads('{"a": "\u00e9"}'.encode("utf-16")), json.loads('[1]'.encode("utf-32-le")), json.loads(b'\xef\xbb\xbf[2]'), json.loads(bytearray(b'[3]')))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=E), E(sort_keys=True, indent=1).encode({"b": {2}, "a": 1}))
try:
    E().encode(object())
except TypeError as e:
    print(e)
import io
buf = io.StringIO()
json.dump({"x": [1, 2, {"y": None}]}, buf, indent=2)
print(buf.getvalue())
print(json.load(io.StringIO('{"z": 1.5e3}')))
print(json.dumps("\u2028\u2029</script>", ensure_ascii=False), json.dumps("\x7f\x80"))
print(json.loads('"\\u00e9\\/\\b\\f"'), json.dumps(1.0e16), json.dumps(-1e-320), json.dumps(True), json.dumps({True: False}))
print(json.dumps([[]] * 2, indent=4), json.dumps({}, indent=2), json.dumps([{}], indent=2))

# expect: {'a': 'é'} [1] [2] [3]
# expect: {"s": [1, 2, 3]} {
# expect:  "a": 1,
# expect:  "b": [
# expect:   2
# expect:  ]
# expect: }
# expect: Object of type object is not JSON serializable
# expect: {
# expect:   "x": [
# expect:     1,
# expect:     2,
# expect:     {
# expect:       "y": null
# expect:     }
# expect:   ]
# expect: }
# expect: {'z': 1500.0}
# expect: "  </script>" "\u007f\u0080"
# expect: é/ 1e+16 -1e-320 true {"true": false}
# expect: [
# expect:     [],
# expect:     []
# expect: ] {} [
# expect:   {}
# expect: ]
