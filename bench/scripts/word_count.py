# Dict and str work: a deterministic pseudo-random text is built, split into words and counted in
# a dict; then the most frequent words, lengths and first letters are tallied.
VOCABULARY = (
    "the quick brown fox jumps over lazy dog and then some other words appear in this text "
    "python minipy interpreter bytecode frame stack heap object reference count garbage "
    "collector generation pool intern string dictionary list tuple set float integer method "
    "attribute class instance module import exception traceback generator closure lambda"
).split()


def make_text(word_count):
    seed = 12345
    words = []
    for _ in range(word_count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        word = VOCABULARY[seed % len(VOCABULARY)]
        if seed & 0x300 == 0:
            word = word.capitalize()
        words.append(word)
        if seed % 11 == 0:
            words.append("\n")
    return " ".join(words)


def count(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.split():
            word = word.lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def main(word_count):
    text = make_text(word_count)
    total = 0
    for _ in range(15):
        counts = count(text)
        by_letter = {}
        for word, n in counts.items():
            by_letter[word[0]] = by_letter.get(word[0], 0) + n
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
        total += sum(n * len(word) for word, n in top) + len(by_letter)
        lengths = {}
        for word in text.split():
            lengths[len(word)] = lengths.get(len(word), 0) + 1
        total += sum(k * v for k, v in lengths.items())
    return total, top[0][0], len(counts)


print("checksum", *main(300000))
