// The text encodings of the io layer: UTF-8, Latin-1 and ASCII with CPython's error handlers
// (strict, ignore, replace, backslashreplace, surrogateescape, surrogatepass, xmlcharrefreplace,
// namereplace is not supported). Errors raise UnicodeDecodeError / UnicodeEncodeError with
// CPython's messages ("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::stdlib {

enum class Encoding : uint8_t { utf8, latin1, ascii };
enum class ErrorMode : uint8_t {
    strict,
    ignore,
    replace,
    backslashreplace,
    surrogateescape,
    surrogatepass,
    xmlcharrefreplace
};

// Looks an encoding name up (case and '-'/'_' insensitive: "UTF-8", "utf8", "latin-1",
// "iso-8859-1", "ascii", ...). Raises LookupError "unknown encoding: NAME".
[[nodiscard]] vm::Status lookup_encoding(vm::VM& vm, std::string_view name, Encoding& out);
// CPython's name of an encoding in messages: "utf-8", "latin-1", "ascii".
const char* encoding_name(Encoding encoding);
// Looks an error handler name up. Raises LookupError "unknown error handler name 'x'".
[[nodiscard]] vm::Status lookup_errors(vm::VM& vm, std::string_view name, ErrorMode& out);

// Decodes `bytes`, appending code points to `out`. Raises UnicodeDecodeError (strict).
[[nodiscard]] vm::Status decode_bytes(vm::VM& vm, Encoding encoding, ErrorMode errors,
                                      std::string_view bytes, std::u32string& out);
// The length of the character starting at bytes[0] for `encoding` (1 to 4), or 0 when the bytes
// end inside a multi-byte sequence that more data may complete.
size_t char_length(Encoding encoding, std::string_view bytes);
// Encodes a str object's text, appending to `out`. Raises UnicodeEncodeError (strict).
[[nodiscard]] vm::Status encode_str(vm::VM& vm, Encoding encoding, ErrorMode errors,
                                    const vm::Object* str, std::string& out);
// The same for code points.
[[nodiscard]] vm::Status encode_code_points(vm::VM& vm, Encoding encoding, ErrorMode errors,
                                            std::u32string_view text, std::string& out);
// True when UTF-8 text (as str_to_utf8 makes it) holds an encoded surrogate (U+D800..U+DFFF).
bool utf8_has_surrogate(std::string_view utf8);

} // namespace minipy::stdlib
