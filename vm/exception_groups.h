// except* support (PEP 654): the CHECK_EG_MATCH split and PREP_RERAISE_STAR's merge of the
// exceptions raised and re-raised by the except* clauses (CPython 3.11's exception_group_match and
// _PyExc_PrepReraiseStar).
#pragma once

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;

// CHECK_EG_MATCH's type check: TypeError "catching classes that do not inherit from BaseException
// is not allowed" for a non-class, and "catching ExceptionGroup with except* is not allowed. Use
// except instead." for an exception group class (alone or in a tuple). False when raised.
[[nodiscard]] bool check_except_star_type(Runtime& rt, Object* type);

// Splits `exception` by `type` (a class or tuple of classes, already checked). `match` is None
// when nothing matches; a matching naked exception is wrapped in ExceptionGroup('', [exception]).
// `rest` is the unmatched part or None. False when raised (split() may be overridden).
[[nodiscard]] bool exception_group_match(Runtime& rt, Object* exception, Object* type,
                                         Ref<Object>& match, Ref<Object>& rest);

// PREP_RERAISE_STAR: from the original exception and the list of exceptions raised or re-raised
// by the except* clauses (None entries skipped), the exception to raise, or None when none.
[[nodiscard]] Ref<Object> prep_reraise_star(Runtime& rt, Object* original, Object* raised);

} // namespace minipy::vm
