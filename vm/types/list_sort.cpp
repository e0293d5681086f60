// The stable sort of list.sort and sorted(): a natural merge sort in the manner of CPython's
// listsort (Tim Peters's timsort, Objects/listsort.txt). It finds the runs already in the data
// (a strictly descending run is reversed in place), extends short runs to `minrun` by binary
// insertion, and merges neighbouring runs in the order of the powersort policy CPython 3.11 uses,
// so sorted or nearly sorted input costs about n comparisons.
//
// Why a pre-sort type check: most lists hold keys of one built-in type. As CPython 3.11 does
// (its unsafe_*_compare functions), one pass over the keys picks the comparison once: memcmp for
// 1-byte strs, a machine compare for word-sized ints and for floats, a direct call of the type's
// richcompare slot for other homogeneous keys, and for non-empty tuples a compare whose first
// element uses the same choice. Built-in comparisons have no side effects, so the results and the
// calls user code sees are those of the generic `<`.
//
// Memory: without a key function the list's own array is sorted (CPython's way; the merges need
// at most n/2 more pointers). With one, keys that are all exact word-sized ints or pairs of them
// are reduced to their values as they are made (sort_with_key), so such a sort holds no key
// object: 16 or 24 bytes per item instead of a key object (a 2-tuple and its ints: 160 bytes).
// Other keys whose first item is such an int have that value copied next to key and item, so
// that most comparisons read no object at all.
//
// Invariants: every move of keys[i] moves values[i] too; whatever a comparison raises, both arrays
// keep each element exactly once.
#include "vm/types/list_sort.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

#include "gc/alloc.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

// The sort's arrays come from the VM allocator (gc/alloc.h), as objects do: memory a sort frees is
// then reused by the objects made next instead of being kept apart by the C library's heap.
template <class T> struct VmAllocator {
    using value_type = T;
    VmAllocator() = default;
    template <class U> VmAllocator(const VmAllocator<U>&) {}
    T* allocate(size_t n) {
        if (n > SIZE_MAX / sizeof(T))
            throw std::bad_alloc();
        void* memory = gc::mem_alloc(n * sizeof(T));
        if (!memory)
            throw std::bad_alloc();
        return static_cast<T*>(memory);
    }
    void deallocate(T* memory, size_t) { gc::mem_free(memory); }
    template <class U> bool operator==(const VmAllocator<U>&) const { return true; }
};
template <class T> using Array = std::vector<T, VmAllocator<T>>;

struct SortState;
// 1 when left < right, 0 when not, -1 when the comparison raised.
using LessFn = int (*)(SortState&, Object*, Object*);
using RichCompareFn = Ref<Object> (*)(VM&, Object*, Object*, CompareOp);

struct SortState {
    VM& vm;
    LessFn less = nullptr;
    LessFn tuple_first_less = nullptr; // for tuple keys: the comparison of their first items
    RichCompareFn key_richcompare = nullptr;
    // The keys (or, for tuple keys, their first items) are all exact word-sized ints: their values
    // are copied next to the keys so that most comparisons read no object (see Cached).
    bool int_prefix = false;
    // Tuple keys with int first items whose second items are also all such ints: those are cached
    // too (keys such as (group, value) have few distinct first items).
    bool int_second = false;
};

// ====== Comparisons (chosen once per sort by choose_comparison)

int generic_less(SortState& state, Object* left, Object* right) {
    return object_rich_compare_bool(state.vm, left, right, CompareOp::lt);
}

// Every key has the same type, whose richcompare slot is key_richcompare.
int same_type_less(SortState& state, Object* left, Object* right) {
    if (left->type->slots.richcompare != state.key_richcompare)
        return generic_less(state, left, right);
    Ref<Object> result = state.key_richcompare(state.vm, left, right, CompareOp::lt);
    if (!result)
        return -1;
    VM& vm = state.vm;
    if (result.get() == vm.not_implemented())
        return generic_less(state, left, right);
    if (result.get() == vm.true_())
        return 1;
    if (result.get() == vm.false_())
        return 0;
    return object_is_true(vm, result.get());
}

// Every key is an exact str of 1-byte kind.
int latin1_less(SortState&, Object* left, Object* right) {
    intptr_t left_size = str_length(left);
    intptr_t right_size = str_length(right);
    int c = std::memcmp(str_data(static_cast<Str*>(left)), str_data(static_cast<Str*>(right)),
                        static_cast<size_t>(std::min(left_size, right_size)));
    return c != 0 ? c < 0 : left_size < right_size;
}

// Every key is an exact int that fits in a machine word.
int small_int_less(SortState&, Object* left, Object* right) {
    return static_cast<Int*>(left)->small < static_cast<Int*>(right)->small;
}

// Every key is an exact float.
int float_less(SortState&, Object* left, Object* right) {
    return float_value(left) < float_value(right);
}

// Equality as object_rich_compare_bool(==), without the call for the common built-in cases.
int items_equal(VM& vm, Object* left, Object* right) {
    if (left == right)
        return 1;
    if (left->type == right->type) {
        if (left->type == vm.types().int_) {
            auto* a = static_cast<Int*>(left);
            auto* b = static_cast<Int*>(right);
            if (!a->is_big() && !b->is_big())
                return a->small == b->small;
        } else if (left->type == vm.types().str) {
            return str_equal(left, right);
        }
    }
    return object_rich_compare_bool(vm, left, right, CompareOp::eq);
}

// Every key is a non-empty exact tuple. As tuple's own `<`: the first unequal pair decides.
int tuple_less(SortState& state, Object* left, Object* right) {
    intptr_t left_size = tuple_size(left);
    intptr_t right_size = tuple_size(right);
    Object* const* a = tuple_items(left);
    Object* const* b = tuple_items(right);
    intptr_t i = 0;
    for (; i < left_size && i < right_size; ++i) {
        int equal = items_equal(state.vm, a[i], b[i]);
        if (equal < 0)
            return -1;
        if (!equal)
            break;
    }
    if (i >= left_size || i >= right_size)
        return left_size < right_size;
    if (i == 0)
        return state.tuple_first_less(state, a[0], b[0]);
    return object_rich_compare_bool(state.vm, a[i], b[i], CompareOp::lt);
}

// CPython 3.11's pre-sort check: keys of one type get that type's comparison.
void choose_comparison(SortState& state, Object* const* keys, size_t count) {
    VM& vm = state.vm;
    const BuiltinTypes& types = vm.types();
    bool in_tuples = keys[0]->type == types.tuple && tuple_size(keys[0]) > 0;
    auto subject = [&](Object* key) { return in_tuples ? tuple_items(key)[0] : key; };
    Type* key_type = subject(keys[0])->type;
    bool same_type = true;
    bool small_ints = true;
    bool latin1 = true;
    for (size_t i = 0; i < count; ++i) {
        Object* key = keys[i];
        if (in_tuples && (key->type != types.tuple || tuple_size(key) == 0)) {
            in_tuples = false;
            same_type = false;
            break;
        }
        key = subject(key);
        if (key->type != key_type) {
            same_type = false;
            if (!in_tuples)
                break;
            continue;
        }
        if (key_type == types.int_)
            small_ints = small_ints && !static_cast<Int*>(key)->is_big();
        else if (key_type == types.str)
            latin1 = latin1 && static_cast<Str*>(key)->kind == 1;
    }
    LessFn less = generic_less;
    if (same_type) {
        if (key_type == types.str && latin1) {
            less = latin1_less;
        } else if (key_type == types.int_ && small_ints) {
            less = small_int_less;
        } else if (key_type == types.float_) {
            less = float_less;
        } else if (key_type->slots.richcompare) {
            state.key_richcompare = key_type->slots.richcompare;
            less = same_type_less;
        }
    }
    state.int_prefix = less == small_int_less;
    if (in_tuples) {
        // Tuples of tuples: the first items compare generically.
        state.tuple_first_less = key_type == types.tuple ? generic_less : less;
        less = tuple_less;
    }
    state.less = less;
}

// ====== The merge sort

// Elements move as pairs when a key function made the keys.
struct Keyed {
    Object* key;
    Object* value;
};
// Int keys, or tuple keys whose first items are ints, with that int's value: comparing two values
// decides without touching the objects (a sort of random data is bound by cache misses). Equal
// values fall back to the key comparison, which then sees equal first items exactly as tuple `<`
// would, so results stay those of the generic comparison.
struct Cached {
    int64_t prefix;
    int64_t second;
    Object* key;
    Object* value;
};
// What a key function returned when every key was an exact word-sized int (PackedInt) or an exact
// pair of them (PackedPair): the values, next to the list item; the key objects are gone (see
// sort_with_key).
struct PackedInt {
    int64_t key;
    Object* value;
};
struct PackedPair {
    int64_t first;
    int64_t second;
    Object* value;
};

int element_less(SortState& state, Object* left, Object* right) {
    return state.less(state, left, right);
}
int element_less(SortState& state, const Keyed& left, const Keyed& right) {
    return state.less(state, left.key, right.key);
}
int element_less(SortState&, const PackedInt& left, const PackedInt& right) {
    return left.key < right.key;
}
int element_less(SortState&, const PackedPair& left, const PackedPair& right) {
    return left.first != right.first ? left.first < right.first : left.second < right.second;
}
int element_less(SortState& state, const Cached& left, const Cached& right) {
    if (left.prefix != right.prefix)
        return left.prefix < right.prefix;
    if (state.less == small_int_less)
        return 0;
    // Equal first items: tuple `<` compares the second ones with == and then <, as here.
    if (state.int_second && left.second != right.second)
        return left.second < right.second;
    return state.less(state, left.key, right.key);
}

// CPython's merge_compute_minrun: n itself below 64, else a number in [32, 64] such that n / minrun
// is a power of two or a little less.
size_t compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

// The powersort "power" of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2) in a list
// of n: the depth of that midpoint in the implicit binary tree over [0, n).
int node_power(size_t s1, size_t n1, size_t n2, size_t n) {
    int result = 0;
    size_t a = 2 * s1 + n1;
    size_t b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

template <class E> class MergeSort {
public:
    MergeSort(SortState& state, E* base, size_t count) : m_state(state), m_base(base), m_n(count) {}

    // False when a comparison raised or memory ran out (exception set).
    bool run() {
        size_t minrun = compute_minrun(m_n);
        size_t low = 0;
        while (low < m_n) {
            size_t remaining = m_n - low;
            bool descending = false;
            intptr_t length = count_run(low, m_n, descending);
            if (length < 0)
                return false;
            auto run_length = static_cast<size_t>(length);
            if (descending)
                std::reverse(m_base + low, m_base + low + run_length);
            if (run_length < minrun) {
                size_t forced = std::min(minrun, remaining);
                if (!binary_insertion(low, low + forced, low + run_length))
                    return false;
                run_length = forced;
            }
            if (!found_new_run(run_length))
                return false;
            m_runs.push_back(Run{low, run_length, 0});
            low += run_length;
        }
        while (m_runs.size() > 1) {
            if (!merge_at(m_runs.size() - 2))
                return false;
        }
        return true;
    }

private:
    struct Run {
        size_t base;
        size_t length;
        int power;
    };

    int less(const E& left, const E& right) { return element_less(m_state, left, right); }

    // Length of the run starting at low (-1 when a comparison raised); descending runs are strict,
    // so reversing them keeps the sort stable.
    intptr_t count_run(size_t low, size_t high, bool& descending) {
        size_t i = low + 1;
        if (i == high)
            return 1;
        int c = less(m_base[i], m_base[i - 1]);
        if (c < 0)
            return -1;
        descending = c != 0;
        for (++i; i < high; ++i) {
            c = less(m_base[i], m_base[i - 1]);
            if (c < 0)
                return -1;
            if ((c != 0) != descending)
                break;
        }
        return static_cast<intptr_t>(i - low);
    }

    // Sorts [low, high), of which [low, start) is sorted, by binary insertion.
    bool binary_insertion(size_t low, size_t high, size_t start) {
        for (size_t i = start; i < high; ++i) {
            E pivot = m_base[i];
            size_t left = low;
            size_t right = i;
            while (left < right) {
                size_t middle = left + (right - left) / 2;
                int c = less(pivot, m_base[middle]);
                if (c < 0)
                    return false;
                if (c)
                    right = middle;
                else
                    left = middle + 1;
            }
            std::memmove(static_cast<void*>(m_base + left + 1), m_base + left,
                         (i - left) * sizeof(E));
            m_base[left] = pivot;
        }
        return true;
    }

    // Merges pending runs while the one below the new boundary is deeper (powersort).
    bool found_new_run(size_t new_length) {
        if (m_runs.empty())
            return true;
        Run& last = m_runs.back();
        int power = node_power(last.base, last.length, new_length, m_n);
        while (m_runs.size() > 1 && m_runs[m_runs.size() - 2].power > power) {
            if (!merge_at(m_runs.size() - 2))
                return false;
        }
        m_runs.back().power = power;
        return true;
    }

    // First position in [low, high) whose element is > key (elements equal to key stay before).
    intptr_t upper_bound(const E& key, size_t low, size_t high) {
        while (low < high) {
            size_t middle = low + (high - low) / 2;
            int c = less(key, m_base[middle]);
            if (c < 0)
                return -1;
            if (c)
                high = middle;
            else
                low = middle + 1;
        }
        return static_cast<intptr_t>(low);
    }
    // First position in [low, high) whose element is >= key.
    intptr_t lower_bound(const E& key, size_t low, size_t high) {
        while (low < high) {
            size_t middle = low + (high - low) / 2;
            int c = less(m_base[middle], key);
            if (c < 0)
                return -1;
            if (c)
                low = middle + 1;
            else
                high = middle;
        }
        return static_cast<intptr_t>(low);
    }

    // Merges runs i and i + 1 into one.
    bool merge_at(size_t i) {
        size_t a = m_runs[i].base;
        size_t na = m_runs[i].length;
        size_t b = m_runs[i + 1].base;
        size_t nb = m_runs[i + 1].length;
        m_runs[i].length = na + nb;
        m_runs.erase(m_runs.begin() + static_cast<intptr_t>(i) + 1);
        // Elements of A not above B's first are already in place, and so are those of B not
        // below A's last.
        intptr_t k = upper_bound(m_base[b], a, b);
        if (k < 0)
            return false;
        na = b - static_cast<size_t>(k);
        a = static_cast<size_t>(k);
        if (na == 0)
            return true;
        intptr_t end = lower_bound(m_base[b - 1], b, b + nb);
        if (end < 0)
            return false;
        nb = static_cast<size_t>(end) - b;
        if (nb == 0)
            return true;
        return na <= nb ? merge_low(a, na, b, nb) : merge_high(a, na, b, nb);
    }

    // Merges A = [a, a+na) and B = [b, b+nb) (adjacent, na <= nb) through a copy of A.
    bool merge_low(size_t a, size_t na, size_t b, size_t nb) {
        m_temp.assign(m_base + a, m_base + a + na);
        E* temp = m_temp.data();
        E* dest = m_base + a;
        E* right = m_base + b;
        E* right_end = right + nb;
        size_t i = 0;
        bool ok = true;
        while (i < na && right < right_end) {
            // Stability: B's element goes first only when strictly smaller.
            int c = less(*right, temp[i]);
            if (c < 0) {
                ok = false;
                break;
            }
            *dest++ = c ? *right++ : temp[i++];
        }
        // What is left of A fills the gap before what is left of B (also after an error).
        std::memcpy(static_cast<void*>(dest), temp + i, (na - i) * sizeof(E));
        return ok;
    }

    // Merges A = [a, a+na) and B = [b, b+nb) (adjacent, nb < na) from the back through a copy of B.
    bool merge_high(size_t a, size_t na, size_t b, size_t nb) {
        m_temp.assign(m_base + b, m_base + b + nb);
        E* temp = m_temp.data();
        E* dest = m_base + b + nb;
        E* left = m_base + a + na; // one past A's remaining part
        E* left_begin = m_base + a;
        size_t j = nb;
        bool ok = true;
        while (j > 0 && left > left_begin) {
            int c = less(temp[j - 1], left[-1]);
            if (c < 0) {
                ok = false;
                break;
            }
            *--dest = c ? *--left : temp[--j];
        }
        std::memcpy(static_cast<void*>(left), temp, j * sizeof(E));
        return ok;
    }

    SortState& m_state;
    E* m_base;
    size_t m_n;
    Array<Run> m_runs;
    Array<E> m_temp;
};

int64_t int_prefix_of(const SortState& state, Object* key) {
    Object* first = state.less == tuple_less ? tuple_items(key)[0] : key;
    return static_cast<Int*>(first)->small;
}

bool sort_cached(SortState& state, Object** keys, Object** values, size_t count) {
    Array<Cached> cached(count);
    if (state.less == tuple_less) {
        Type* int_type = state.vm.types().int_;
        state.int_second = true;
        for (size_t i = 0; i < count && state.int_second; ++i) {
            Object* key = keys[i];
            state.int_second = tuple_size(key) >= 2 && tuple_items(key)[1]->type == int_type &&
                               !static_cast<Int*>(tuple_items(key)[1])->is_big();
        }
    }
    for (size_t i = 0; i < count; ++i) {
        cached[i].prefix = int_prefix_of(state, keys[i]);
        cached[i].second = state.int_second ? static_cast<Int*>(tuple_items(keys[i])[1])->small : 0;
        cached[i].key = keys[i];
        cached[i].value = values[i];
    }
    MergeSort<Cached> sorter(state, cached.data(), count);
    bool ok = sorter.run();
    for (size_t i = 0; i < count; ++i) {
        keys[i] = cached[i].key;
        values[i] = cached[i].value;
    }
    return ok;
}

// The value of an exact int that fits in a machine word.
bool word_int(const BuiltinTypes& types, const Object* object, int64_t& out) {
    if (object->type != types.int_ || static_cast<const Int*>(object)->is_big())
        return false;
    out = static_cast<const Int*>(object)->small;
    return true;
}

// An exact 2-tuple of such ints.
bool word_pair(const BuiltinTypes& types, Object* object, int64_t& first, int64_t& second) {
    if (object->type != types.tuple || tuple_size(object) != 2)
        return false;
    Object* const* items = tuple_items(object);
    return word_int(types, items[0], first) && word_int(types, items[1], second);
}

// The keys of sort_with_key while they all have one packed form.
struct PackedKeys {
    enum class Form { objects, ints, pairs } form = Form::objects;
    Array<PackedInt> ints;
    Array<PackedPair> pairs;

    // Keeps `key` (the key of `item`, the key's position) packed when it has the form of the
    // first key; false when it does not (the form is then objects for good).
    bool add(const BuiltinTypes& types, Object* key, Object* item, size_t position, size_t count) {
        int64_t first = 0;
        int64_t second = 0;
        if (position == 0) {
            if (word_int(types, key, first)) {
                form = Form::ints;
                ints.reserve(count);
            } else if (word_pair(types, key, first, second)) {
                form = Form::pairs;
                pairs.reserve(count);
            }
        }
        if (form == Form::ints && word_int(types, key, first)) {
            ints.push_back(PackedInt{first, item});
            return true;
        }
        if (form == Form::pairs && word_pair(types, key, first, second)) {
            pairs.push_back(PackedPair{first, second, item});
            return true;
        }
        return false;
    }

    // The keys packed so far as objects again (equal values, new objects), appended to `keys`;
    // the form becomes objects. Raises MemoryError.
    bool unpack(VM& vm, Array<Object*>& keys) {
        for (const PackedInt& packed : ints) {
            Ref<Object> key = int_from_i64(vm, packed.key);
            if (!key)
                return false;
            keys.push_back(key.release());
        }
        for (const PackedPair& packed : pairs) {
            Ref<Object> first = int_from_i64(vm, packed.first);
            Ref<Object> second = first ? int_from_i64(vm, packed.second) : nullptr;
            if (!second)
                return false;
            Object* items[] = {first.get(), second.get()};
            Ref<Object> key = tuple_from_array(vm, items, 2);
            if (!key)
                return false;
            keys.push_back(key.release());
        }
        form = Form::objects;
        Array<PackedInt>().swap(ints);
        Array<PackedPair>().swap(pairs);
        return true;
    }
};

// Sorts the packed keys (their comparisons cannot raise) and puts the items back in that order.
template <class P>
void sort_packed(SortState& state, Array<P>& packed, Object** items, bool reverse) {
    if (reverse)
        std::reverse(packed.begin(), packed.end());
    MergeSort<P> sorter(state, packed.data(), packed.size());
    (void)sorter.run();
    for (size_t i = 0; i < packed.size(); ++i)
        items[i] = packed[i].value;
}

} // namespace

bool sort_with_key(VM& vm, Object** items, size_t count, Object* key, bool reverse) {
    const BuiltinTypes& types = vm.types();
    PackedKeys packed;
    Array<Object*> keys; // owned, once the keys are objects
    bool ok = true;
    for (size_t i = 0; i < count && ok; ++i) {
        Object* item = items[i];
        Ref<Object> made = call_object(vm, key, &item, 1);
        ok = static_cast<bool>(made);
        if (!ok)
            break;
        if (packed.form != PackedKeys::Form::objects || i == 0) {
            if (packed.add(types, made.get(), item, i, count))
                continue; // the value is kept; the key object goes now
            if (i > 0 && !packed.unpack(vm, keys)) {
                ok = false;
                break;
            }
            keys.reserve(count);
        }
        keys.push_back(made.release());
    }
    if (ok) {
        SortState state{vm};
        if (packed.form == PackedKeys::Form::ints) {
            sort_packed(state, packed.ints, items, reverse);
        } else if (packed.form == PackedKeys::Form::pairs) {
            sort_packed(state, packed.pairs, items, reverse);
        } else {
            if (reverse) {
                std::reverse(items, items + count);
                std::reverse(keys.begin(), keys.end());
            }
            ok = sort_objects(vm, keys.data(), items, count);
        }
        if (reverse)
            std::reverse(items, items + count);
    }
    for (Object* k : keys)
        decref(k);
    return ok;
}

bool sort_objects(VM& vm, Object** keys, Object** values, size_t count) {
    if (count < 2)
        return true;
    SortState state{vm};
    choose_comparison(state, keys, count);
    // Without a key function the list is sorted where it is, as CPython's: a cached copy would cost
    // 24 bytes per item on top of the list (sort_comp's peak memory) for a few cache misses less.
    if (state.int_prefix && values)
        return sort_cached(state, keys, values, count);
    if (!values) {
        MergeSort<Object*> sorter(state, keys, count);
        return sorter.run();
    }
    Array<Keyed> pairs(count);
    for (size_t i = 0; i < count; ++i)
        pairs[i] = Keyed{keys[i], values[i]};
    MergeSort<Keyed> sorter(state, pairs.data(), count);
    bool ok = sorter.run();
    for (size_t i = 0; i < count; ++i) {
        keys[i] = pairs[i].key;
        values[i] = pairs[i].value;
    }
    return ok;
}

} // namespace minipy::vm
