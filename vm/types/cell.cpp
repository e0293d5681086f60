// Closure cells: one owned reference or empty. Invariants are in vm/types/function.h.
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/function.h"
#include "vm/types/str.h"

namespace minipy::vm {
namespace {

int cell_traverse(Object* self, VisitFn visit, void* arg) {
    Object* contents = static_cast<Cell*>(self)->contents;
    return contents ? visit(contents, arg) : 0;
}

void cell_clear(Object* self) {
    set_ref(static_cast<Cell*>(self)->contents, nullptr);
}

void cell_dealloc(Object* self) {
    cell_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> cell_repr(VM& vm, Object* self) {
    char text[96];
    Object* contents = static_cast<Cell*>(self)->contents;
    if (!contents)
        std::snprintf(text, sizeof text, "<cell at %p: empty>", static_cast<void*>(self));
    else
        std::snprintf(text, sizeof text, "<cell at %p: %s object at %p>", static_cast<void*>(self),
                      contents->type->name, static_cast<void*>(contents));
    return str_from_utf8(vm, text);
}

Ref<Object> cell_getattr(VM& vm, Object* self, Object* name) {
    if (str_ascii_view(name) == "cell_contents") {
        Object* contents = static_cast<Cell*>(self)->contents;
        if (!contents)
            return raise_value_error(vm, "Cell is empty");
        return Ref<Object>::borrow(contents);
    }
    return get_attr_generic(vm, self, name);
}

} // namespace

Ref<Object> cell_new(Runtime& runtime, Object* contents) {
    Ref<Cell> cell = allocate_object<Cell>(runtime.vm(), runtime.types().cell);
    if (!cell)
        return nullptr;
    xincref(contents);
    cell->contents = contents;
    return Ref<Object>(std::move(cell).cast<Object>());
}

bool init_cell_type(Runtime& runtime) {
    TypeSpec spec{};
    spec.name = "cell";
    spec.basic_size = sizeof(Cell);
    spec.flags = type_has_gc;
    spec.slots.dealloc = cell_dealloc;
    spec.slots.traverse = cell_traverse;
    spec.slots.clear = cell_clear;
    spec.slots.repr = cell_repr;
    spec.slots.getattr = cell_getattr;
    Ref<Type> type = make_type(runtime.vm(), spec);
    if (!type)
        return false;
    runtime.types().cell = type.release();
    return true;
}

} // namespace minipy::vm
