// The text codecs of str.encode and bytes.decode: utf-8 (and utf-8-sig), ascii, latin-1, utf-16
// and utf-32 (with -le/-be), with the error handlers strict, ignore, replace, backslashreplace,
// xmlcharrefreplace (encoding), surrogateescape and surrogatepass, as CPython 3.11's codecs.
#pragma once

#include <string>
#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

// str -> bytes. Raises LookupError "unknown encoding: x", UnicodeEncodeError (with CPython's
// attributes and message), LookupError "unknown error handler name 'x'".
[[nodiscard]] Ref<Object> codec_encode(VM& vm, Object* text, std::string_view encoding,
                                       std::string_view errors);
// bytes -> str. Raises LookupError, UnicodeDecodeError. `source` is the bytes-like object the data
// came from (for the exception's `object`), or null.
[[nodiscard]] Ref<Object> codec_decode(VM& vm, std::string_view data, std::string_view encoding,
                                       std::string_view errors, Object* source);

// The arguments (encoding, errors) of str.encode / bytes.decode / str(b, ...) as text, with the
// defaults 'utf-8' and 'strict'. Raises TypeError for non-str arguments.
[[nodiscard]] Status codec_arguments(VM& vm, const char* function, Object* encoding, Object* errors,
                                     std::string& encoding_out, std::string& errors_out);

} // namespace minipy::vm
