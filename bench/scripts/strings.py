# String building, splitting and joining: f-strings, %-formatting, str.join, split, replace,
# strip, find, upper/lower, slicing, concatenation in a loop, str.format.
def build_lines(n):
    lines = []
    for i in range(n):
        name = "item" + str(i % 97)
        lines.append(f"{i:06d},{name},{i * 3 % 1000:>4}, tag-{i % 13} ")
    return lines


def main(n):
    total = 0
    for round_ in range(18):
        lines = build_lines(n)
        text = "\n".join(lines)
        for line in text.split("\n"):
            fields = line.strip().split(",")
            total += int(fields[0]) % 7 + len(fields[1]) + int(fields[2])
            tag = fields[3].replace("tag-", "T").upper()
            total += len(tag) + tag.find("1")
        s = ""
        for i in range(n // 10):
            s += "%d:%s;" % (i, "ab"[i % 2])
        total += len(s) + s.count("a;") + s.rfind("9:")
        words = s[: n].split(";")
        total += len("-".join(reversed(words)))
        total += len("{}|{:>8}|{:x}".format(round_, "x" * round_, n).lower())
        total += sum(1 for c in text[: n * 2] if c.isdigit())
        total += text.startswith("000000") + text.endswith(" ")
    return total


print("checksum", main(60000))
