// The `random` module: CPython's Mersenne Twister (MT19937) and its seeding, so random.seed(n)
// gives CPython 3.11's exact sequences. The generator state is a C++ type (`_random.Random` in
// CPython's terms, subclassable); the distributions (randrange, choice, shuffle, sample, gauss,
// ...) are Python code compiled when the module is imported, following the same algorithms as
// CPython's random.py so that they consume the generator identically.
//
// Invariants: a generator's state is 624 32-bit words plus an index in 0..624; seeding from
// str/bytes hashes them with SHA-512 (version 2 seeding), implemented here (no library).
#include <gmp.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/builtins_support.h"
#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/bytes.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// ====== SHA-512 (FIPS 180-4)

// First 64 bits of the fractional parts of the cube roots of the first 80 primes.
constexpr uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

inline uint64_t rotr(uint64_t x, int n) {
    return (x >> n) | (x << (64 - n));
}

void sha512_block(std::array<uint64_t, 8>& h, const unsigned char* block) {
    uint64_t w[80];
    for (int t = 0; t < 16; ++t) {
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | block[t * 8 + i];
        w[t] = v;
    }
    for (int t = 16; t < 80; ++t) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; ++t) {
        uint64_t s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + s1 + ch + sha512_k[t] + w[t];
        uint64_t s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = s0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

std::string sha512(std::string_view data) {
    std::array<uint64_t, 8> h = {
        0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
        0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    std::string message(data);
    uint64_t bit_length = static_cast<uint64_t>(data.size()) * 8;
    message.push_back(static_cast<char>(0x80));
    while (message.size() % 128 != 112)
        message.push_back('\0');
    message.append(8, '\0'); // the high 64 bits of the 128-bit length
    for (int i = 7; i >= 0; --i)
        message.push_back(static_cast<char>((bit_length >> (i * 8)) & 0xff));
    for (size_t offset = 0; offset < message.size(); offset += 128)
        sha512_block(h, reinterpret_cast<const unsigned char*>(message.data()) + offset);
    std::string digest;
    for (uint64_t word : h)
        for (int i = 7; i >= 0; --i)
            digest.push_back(static_cast<char>((word >> (i * 8)) & 0xff));
    return digest;
}

// ====== Mersenne Twister

constexpr int mt_n = 624;
constexpr int mt_m = 397;

struct RandomObject : Object {
    uint32_t state[mt_n];
    int index;
};

void init_genrand(RandomObject* self, uint32_t seed) {
    uint32_t* mt = self->state;
    mt[0] = seed;
    for (int i = 1; i < mt_n; ++i)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
    self->index = mt_n;
}

// init_by_array of the reference implementation (Matsumoto and Nishimura, 2002).
void init_by_array(RandomObject* self, const std::vector<uint32_t>& key) {
    uint32_t* mt = self->state;
    init_genrand(self, 19650218u);
    size_t length = key.size();
    int i = 1;
    size_t j = 0;
    for (size_t k = std::max<size_t>(mt_n, length); k > 0; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] +
                static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= mt_n) {
            mt[0] = mt[mt_n - 1];
            i = 1;
        }
        if (j >= length)
            j = 0;
    }
    for (int k = mt_n - 1; k > 0; --k) {
        mt[i] =
            (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= mt_n) {
            mt[0] = mt[mt_n - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
}

uint32_t genrand_uint32(RandomObject* self) {
    constexpr uint32_t upper_mask = 0x80000000u, lower_mask = 0x7fffffffu;
    uint32_t* mt = self->state;
    if (self->index >= mt_n) {
        auto twist = [&](int kk, int next, int far) {
            uint32_t y = (mt[kk] & upper_mask) | (mt[next] & lower_mask);
            mt[kk] = mt[far] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
        };
        int kk = 0;
        for (; kk < mt_n - mt_m; ++kk)
            twist(kk, kk + 1, kk + mt_m);
        for (; kk < mt_n - 1; ++kk)
            twist(kk, kk + 1, kk + (mt_m - mt_n));
        twist(mt_n - 1, 0, mt_m - 1);
        self->index = 0;
    }
    uint32_t y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

// The 32-bit words of |value|, least significant first (at least one word).
std::vector<uint32_t> words_of(const mpz_t value) {
    size_t count = 0;
    std::vector<uint32_t> words((mpz_sizeinbase(value, 2) + 31) / 32 + 1);
    mpz_export(words.data(), &count, -1, sizeof(uint32_t), 0, 0, value);
    words.resize(count == 0 ? 1 : count);
    if (count == 0)
        words[0] = 0;
    return words;
}

Status seed_from_urandom(VM& vm, RandomObject* self) {
    std::vector<uint32_t> key(mt_n);
    FILE* source = std::fopen("/dev/urandom", "rb");
    size_t got = source ? std::fread(key.data(), sizeof(uint32_t), key.size(), source) : 0;
    if (source)
        std::fclose(source);
    if (got != key.size()) {
        // No /dev/urandom: fall back to the clock, as CPython's random_seed_time_pid.
        auto now = std::chrono::high_resolution_clock::now().time_since_epoch().count();
        key.assign({static_cast<uint32_t>(now), static_cast<uint32_t>(now >> 32),
                    static_cast<uint32_t>(reinterpret_cast<uintptr_t>(self))});
    }
    (void)vm;
    init_by_array(self, key);
    return Status::ok;
}

// Random.seed(n): None, an int (its absolute value), str/bytes (version 2: the text followed by
// its SHA-512 digest, read as a big-endian int), anything else hashable through hash().
Status seed_object(VM& vm, RandomObject* self, Object* arg) {
    if (!arg || arg == vm.none())
        return seed_from_urandom(vm, self);
    mpz_t n;
    mpz_init(n);
    if (is_int(arg)) {
        int_to_mpz(arg, n);
    } else if (is_str(arg) || is_bytes(arg)) {
        std::string data = is_str(arg) ? str_to_utf8(arg) : std::string(bytes_view(arg));
        data += sha512(data);
        mpz_import(n, data.size(), 1, 1, 0, 0, data.data());
    } else {
        int64_t hash = object_hash(vm, arg);
        if (hash == -1 && vm.thread_state().has_exception()) {
            mpz_clear(n);
            return Status::error;
        }
        mpz_set_si(n, hash);
    }
    mpz_abs(n, n);
    std::vector<uint32_t> key = words_of(n);
    mpz_clear(n);
    init_by_array(self, key);
    return Status::ok;
}

RandomObject* as_random(Object* self) {
    return static_cast<RandomObject*>(self);
}

Ref<Object> random_random(VM& vm, Object* self, Args, size_t, Object*) {
    RandomObject* r = as_random(self);
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return float_new(vm, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Ref<Object> random_seed(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "seed expected at most 1 argument, got ", nargs);
    if (!is_ok(seed_object(vm, as_random(self), nargs ? args[0] : nullptr)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> random_getrandbits(VM& vm, Object* self, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t k = 0;
    if (!int_to_i64(args[0], k) || k > INT32_MAX)
        return raise_overflow_error(vm, "Python int too large to convert to C int");
    if (k < INT32_MIN)
        return raise_overflow_error(vm, "Python int too small to convert to C int");
    if (k < 0)
        return raise_value_error(vm, "number of bits must be non-negative");
    RandomObject* r = as_random(self);
    if (k == 0)
        return int_from_i64(vm, 0);
    if (k <= 32)
        return int_from_i64(vm, genrand_uint32(r) >> (32 - k));
    std::vector<uint32_t> words(static_cast<size_t>((k - 1) / 32 + 1));
    for (uint32_t& word : words) {
        uint32_t value = genrand_uint32(r);
        if (k < 32)
            value >>= (32 - k);
        word = value;
        k -= 32;
    }
    mpz_t n;
    mpz_init(n);
    mpz_import(n, words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
    Ref<Object> result = int_from_mpz(vm, n);
    mpz_clear(n);
    return result;
}

// _randbelow(n): random.py's _randbelow_with_getrandbits on the generator's own getrandbits (the
// Python class switches to its Python versions when a subclass overrides random/getrandbits).
Ref<Object> random_randbelow(VM& vm, Object* self, Args args, size_t, Object*) {
    Object* n = args[0];
    if (!is_int(n))
        return raise_type_error(vm, "'", n->type->name,
                                "' object cannot be interpreted as an integer");
    RandomObject* r = as_random(self);
    int64_t small = 0;
    if (int_to_i64(n, small) && small >= 0 && small <= (int64_t{1} << 32)) {
        if (small == 0)
            return int_from_i64(vm, 0);
        int k = 64 - __builtin_clzll(static_cast<uint64_t>(small)); // n.bit_length()
        for (;;) {
            uint64_t value = 0;
            if (k <= 32) {
                value = genrand_uint32(r) >> (32 - k);
            } else { // k == 33: two words, the second keeps its top bit
                uint64_t low = genrand_uint32(r);
                uint64_t high = genrand_uint32(r) >> 31;
                value = low | (high << 32);
            }
            if (value < static_cast<uint64_t>(small))
                return int_from_i64(vm, static_cast<int64_t>(value));
        }
    }
    if (int_sign(n) < 0)
        return raise_value_error(vm, "number of bits must be non-negative");
    mpz_t bound;
    mpz_init(bound);
    int_to_mpz(n, bound);
    size_t k = mpz_sizeinbase(bound, 2);
    Ref<Object> bits = int_from_i64(vm, static_cast<int64_t>(k));
    for (;;) {
        Object* arg = bits.get();
        Ref<Object> value = bits ? random_getrandbits(vm, self, &arg, 1, nullptr) : nullptr;
        if (!value) {
            mpz_clear(bound);
            return nullptr;
        }
        mpz_t candidate;
        mpz_init(candidate);
        int_to_mpz(value.get(), candidate);
        bool below = mpz_cmp(candidate, bound) < 0;
        mpz_clear(candidate);
        if (below) {
            mpz_clear(bound);
            return value;
        }
    }
}

Ref<Object> random_getstate(VM& vm, Object* self, Args, size_t, Object*) {
    RandomObject* r = as_random(self);
    Ref<Object> state = tuple_new(vm, mt_n + 1);
    if (!state)
        return nullptr;
    for (int i = 0; i <= mt_n; ++i) {
        Ref<Object> item = int_from_i64(vm, i < mt_n ? r->state[i] : r->index);
        if (!item)
            return nullptr;
        tuple_items(state.get())[i] = item.release();
    }
    return state;
}

Ref<Object> random_setstate(VM& vm, Object* self, Args args, size_t, Object*) {
    Object* state = args[0];
    if (!is_tuple(state))
        return raise_type_error(vm, "state vector must be a tuple");
    if (tuple_size(state) != mt_n + 1)
        return raise_value_error(vm, "state vector is the wrong size");
    // As CPython: each word is read as a C unsigned long and truncated to 32 bits.
    uint32_t words[mt_n];
    mpz_t value;
    mpz_init(value);
    for (int i = 0; i < mt_n; ++i) {
        Object* item = tuple_items(state)[i];
        if (!is_int(item)) {
            mpz_clear(value);
            return raise_type_error(vm, "an integer is required");
        }
        int_to_mpz(item, value);
        if (mpz_sgn(value) < 0 || !mpz_fits_ulong_p(value)) {
            bool negative = mpz_sgn(value) < 0;
            mpz_clear(value);
            if (negative)
                return raise_overflow_error(vm, "can't convert negative int to unsigned");
            return raise_overflow_error(vm, "Python int too large to convert to C unsigned long");
        }
        words[i] = static_cast<uint32_t>(mpz_get_ui(value) & 0xffffffffu);
    }
    mpz_clear(value);
    int64_t index = 0;
    Object* last = tuple_items(state)[mt_n];
    if (!is_int(last))
        return raise_type_error(vm, "an integer is required");
    if (!int_to_i64(last, index))
        return raise_overflow_error(vm, "Python int too large to convert to C long");
    if (index < 0 || index > mt_n)
        return raise_value_error(vm, "invalid state");
    RandomObject* r = as_random(self);
    std::memcpy(r->state, words, sizeof words);
    r->index = static_cast<int>(index);
    return vm.new_none();
}

// The SHA-512 digest of a bytes object (for tests and version-2 seeding checks).
Ref<Object> module_sha512(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_bytes(args[0]))
        return raise_type_error(vm, "a bytes-like object is required, not '", args[0]->type->name,
                                "'");
    std::string digest = sha512(bytes_view(args[0]));
    return bytes_new(vm, digest);
}

// The generator starts seeded from its one positional argument when it has one (as CPython's
// random_new; Random.__init__ then seeds it again), else from the system's entropy, so a
// subclass whose __init__ never seeds still gets an unpredictable stream.
Ref<Object> random_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    Ref<RandomObject> self = allocate_object<RandomObject>(vm, cls);
    if (!self)
        return nullptr;
    size_t positional = nargs - (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0);
    if (positional == 1 && (is_int(args[0]) || is_str(args[0]) || is_bytes(args[0]))) {
        if (!is_ok(seed_object(vm, self.get(), args[0])))
            return nullptr;
    } else if (!is_ok(seed_from_urandom(vm, self.get()))) {
        return nullptr;
    }
    return Ref<Object>(std::move(self));
}

constexpr MethodDef random_methods[] = {
    {"random", random_random, MethodKind::noargs, nullptr},
    {"seed", random_seed, MethodKind::fastcall, nullptr},
    {"getrandbits", random_getrandbits, MethodKind::o, nullptr},
    {"_randbelow", random_randbelow, MethodKind::o, nullptr},
    {"getstate", random_getstate, MethodKind::noargs, nullptr},
    {"setstate", random_setstate, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

constexpr MethodDef module_functions[] = {
    {"_sha512", module_sha512, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== SystemRandom helpers (the operating system's entropy)

Status read_urandom(VM& vm, void* out, size_t size) {
    FILE* source = std::fopen("/dev/urandom", "rb");
    size_t got = source ? std::fread(out, 1, size, source) : 0;
    if (source)
        std::fclose(source);
    if (got != size)
        return raise_message(vm, vm.exceptions().OSError, "cannot read /dev/urandom");
    return Status::ok;
}

Ref<Object> system_random(VM& vm, Object*, Args, size_t, Object*) {
    uint64_t bits = 0;
    if (!is_ok(read_urandom(vm, &bits, sizeof bits)))
        return nullptr;
    return float_new(vm, static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0));
}

Ref<Object> system_getrandbits(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t k = 0;
    if (!is_ok(int_to_ssize(vm, args[0], k)))
        return nullptr;
    if (k < 0)
        return raise_value_error(vm, "number of bits must be non-negative");
    std::string data(static_cast<size_t>((k + 7) / 8), '\0');
    if (!data.empty() && !is_ok(read_urandom(vm, data.data(), data.size())))
        return nullptr;
    mpz_t n;
    mpz_init(n);
    mpz_import(n, data.size(), 1, 1, 0, 0, data.data());
    mpz_fdiv_q_2exp(n, n, static_cast<mp_bitcnt_t>(static_cast<intptr_t>(data.size()) * 8 - k));
    Ref<Object> result = int_from_mpz(vm, n);
    mpz_clear(n);
    return result;
}

Ref<Object> system_urandom(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t n = 0;
    if (!is_ok(int_to_ssize(vm, args[0], n)))
        return nullptr;
    if (n < 0)
        return raise_value_error(vm, "negative argument not allowed");
    std::string data(static_cast<size_t>(n), '\0');
    if (!data.empty() && !is_ok(read_urandom(vm, data.data(), data.size())))
        return nullptr;
    return bytes_new(vm, data);
}

constexpr MethodDef system_functions[] = {
    {"_system_random", system_random, MethodKind::noargs, nullptr},
    {"_system_getrandbits", system_getrandbits, MethodKind::o, nullptr},
    {"_system_urandom", system_urandom, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// The Python half of the module (CPython's random.py algorithms, written for minipy).
constexpr std::string_view random_source = R"PYSRC(
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import tau as TWOPI, floor as _floor, isfinite as _isfinite

__all__ = ["Random", "SystemRandom", "betavariate", "choice", "choices",
           "expovariate", "gammavariate", "gauss", "getrandbits", "getstate",
           "lognormvariate", "normalvariate", "paretovariate", "randbytes",
           "randint", "random", "randrange", "sample", "seed", "setstate",
           "shuffle", "triangular", "uniform", "vonmisesvariate",
           "weibullvariate"]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF


def _index(value, position):
    if isinstance(value, int):
        return value
    try:
        index = value.__index__
    except AttributeError:
        pass
    else:
        return index()
    import warnings
    as_int = int(value)
    if as_int != value:
        warnings.warn("randrange() will raise TypeError in the future", DeprecationWarning, 3)
        raise ValueError("non-integer " + position + " for randrange()")
    warnings.warn("non-integer arguments to randrange() have been deprecated since Python 3.10 "
                  "and will be removed in a subsequent version", DeprecationWarning, 3)
    return as_int


def _bisect_right(seq, x, lo, hi):
    while lo < hi:
        mid = (lo + hi) // 2
        if x < seq[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _accumulate(values):
    total = None
    result = []
    first = True
    for v in values:
        if first:
            total = v
            first = False
        else:
            total = total + v
        result.append(total)
    return result


class Random(_Random):
    VERSION = 3

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, (str, bytes)):
            codes = [ord(c) for c in a] if isinstance(a, str) else list(a)
            x = codes[0] << 7 if codes else 0
            for c in codes:
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(codes)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes)):
            pass
        elif a is not None and not isinstance(a, (int, float, str, bytes)):
            raise TypeError("The only supported seed types are: None,\n"
                            "int, float, str, bytes, and bytearray.")
        _Random.seed(self, a)
        self.gauss_next = None

    def getstate(self):
        return self.VERSION, _Random.getstate(self), self.gauss_next

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            _Random.setstate(self, internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            try:
                internalstate = tuple([x % (2 ** 32) for x in internalstate])
            except ValueError as e:
                raise TypeError from e
            _Random.setstate(self, internalstate)
        else:
            raise ValueError("state with version " + str(version) +
                             " passed to Random.setstate() of version " +
                             str(self.VERSION))

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    def __init_subclass__(cls, **kwargs):
        for c in cls.__mro__:
            if "_randbelow" in c.__dict__:
                break
            if "getrandbits" in c.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if "random" in c.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def _randbelow_with_getrandbits(self, n):
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        random = self.random
        if n >= maxsize:
            import warnings
            warnings.warn("Underlying random() generator does not supply \n"
                          "enough bits to choose from a population range this large.\n"
                          "To remove the range limitation, add a getrandbits() method.")
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def randrange(self, start, stop=None, step=1):
        istart = _index(start, "arg 1")
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _index(stop, "stop")
        width = istop - istart
        istep = _index(step, "step")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (" + str(istart) + ", " +
                             str(istop) + ", " + str(width) + ")")
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        for i in range(len(x) - 1, 0, -1):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if not hasattr(population, "__getitem__") or not hasattr(population, "__len__") \
                or isinstance(population, dict):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = _accumulate(counts)
            if len(cum_counts) != n:
                raise ValueError("The number of counts does not match the population")
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError("Counts must be integers")
            if total <= 0:
                raise ValueError("Total of counts must be greater than zero")
            selections = self.sample(range(total), k=k)
            return [population[_bisect_right(cum_counts, s, 0, len(cum_counts))]
                    for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_floor(random() * n)] for i in range(k)]
            try:
                cum_weights = _accumulate(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError("The number of choices must be a keyword argument: k=" +
                                str(k)) from None
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        else:
            cum_weights = list(cum_weights)
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not _isfinite(total):
            raise ValueError("Total of weights must be finite")
        hi = n - 1
        return [population[_bisect_right(cum_weights, random() * total, 0, hi)]
                for i in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        random = self.random
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_log(1.0 - random()) * beta
        else:
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


class SystemRandom(Random):
    def random(self):
        return _system_random()

    def getrandbits(self, k):
        return _system_getrandbits(k)

    def randbytes(self, n):
        return _system_urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    getstate = setstate = _notimplemented


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
)PYSRC";

} // namespace

bool init_random_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    TypeSpec spec{};
    spec.name = "Random";
    spec.basic_size = sizeof(RandomObject);
    spec.flags = type_base_type;
    spec.slots.dealloc = dealloc_plain;
    spec.methods = random_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    rt.set_constructor(type.get(), random_construct);
    if (!add_object(rt, module, "_Random", type.get()) ||
        !add_functions(rt, module, module_functions) ||
        !add_functions(rt, module, system_functions))
        return false;
    return exec_source(rt, random_source, "<frozen random>", static_cast<Module*>(module)->dict);
}

} // namespace minipy::stdlib
