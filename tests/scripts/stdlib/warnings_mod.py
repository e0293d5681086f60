# warnings: warn with file:line of the caller, categories, filters, once-per-location,
# catch_warnings(record=True), errors.
import sys
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    text = warnings.formatwarning(message, category, filename, lineno, line)
    print(text.replace(__file__, "FILE"), end="")


warnings.showwarning = show


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


warnings.warn("plain user warning")
for i in range(3):
    warnings.warn("in a loop", RuntimeWarning)
old_api()
warnings.warn(UserWarning("an instance"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", SyntaxWarning)
    warnings.warn("recorded", SyntaxWarning)
print(len(caught), caught[0].category.__name__, str(caught[0].message), caught[0].lineno > 0)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised", e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.warn("future", FutureWarning)
try:
    warnings.warn("bad", int)
except TypeError as e:
    print(e)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  code()  "), end="")
print("done")
# expect: FILE:19: UserWarning: plain user warning
# expect:   warnings.warn("plain user warning")
# expect: FILE:21: RuntimeWarning: in a loop
# expect:   warnings.warn("in a loop", RuntimeWarning)
# expect: FILE:22: DeprecationWarning: old_api is deprecated
# expect:   old_api()
# expect: FILE:23: UserWarning: an instance
# expect:   warnings.warn(UserWarning("an instance"))
# expect: 2 SyntaxWarning recorded True
# expect: raised now an error
# expect: category must be a Warning subclass, not 'type'
# expect: f.py:3: UserWarning: msg
# expect:   code()
# expect: done
