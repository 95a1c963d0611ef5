#!/usr/bin/env python3
"""Reads an async-profiler HTML flame graph (bin/bench --profile=DIR) and prints where the samples went:
the frames with the most samples of their own; the samples by the package of the innermost Java frame above
them (native code attributed to the Java code that called it; none: the JVM's own threads, compiler and GC);
and the inclusive share of the frames whose names match the patterns given (a frame counted once per stack,
even when it recurs; in reactive code a frame's callees include the work it triggers downstream).

    bench/scripts/flame-summary.py FILE.html [--top=N] [--depth=D] [PATTERN ...]
"""
import re
import sys


def frames(path):
    text = open(path, encoding="utf-8").read()
    pool_text = text[text.index("const cpool = [") + len("const cpool = [") :]
    pool_text = pool_text[: pool_text.index("];\n")]
    pool = [eval_js_string(m) for m in re.findall(r"'((?:[^'\\]|\\.)*)'", pool_text)]
    for i in range(1, len(pool)):
        pool[i] = pool[i - 1][: ord(pool[i][0]) - 32] + pool[i][1:]
    body = text[text.index("unpack(cpool);") :]
    level0, left0, width0 = 0, 0, 0
    for call, args in re.findall(r"\b([fun])\(([0-9,]*)\)", body):
        values = [int(v) if v else 0 for v in args.split(",")]
        key = values[0]
        if call == "f":
            level, left, width = values[1], values[2] if len(values) > 2 else 0, values[3] if len(values) > 3 else 0
        elif call == "u":
            level, left, width = level0 + 1, 0, values[1] if len(values) > 1 else 0
        else:
            level, left, width = level0, width0, values[1] if len(values) > 1 else 0
        level0 = level
        left0 += left
        width0 = width or width0
        yield level, left0, width0, pool[key >> 3]


def eval_js_string(s):
    return s.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    top = int(next((a.split("=")[1] for a in sys.argv[1:] if a.startswith("--top=")), "25"))
    depth = int(next((a.split("=")[1] for a in sys.argv[1:] if a.startswith("--depth=")), "3"))
    path, patterns = args[0], [re.compile(p) for p in args[1:]]
    nodes = list(frames(path))
    total = max((w for lvl, _, w, _ in nodes if lvl == 0), default=1)
    children = {}
    stack = []
    own = {}
    packages = {}
    inclusive = {p.pattern: 0 for p in patterns}
    for lvl, left, width, name in nodes:
        del stack[lvl:]
        if stack:
            children[stack[-1]] = children.get(stack[-1], 0) + width
        stack.append((lvl, left, name))
        for p in patterns:
            if p.search(name) and not any(p.search(n) for _, _, n in stack[:-1]):
                inclusive[p.pattern] += width
        own[(lvl, left, name)] = width
        java = next((n for _, _, n in reversed(stack) if "/" in n and "::" not in n), None)
        package = "the JVM itself (compiler, GC, runtime)" if java is None else "/".join(java.split("/")[:depth])
        packages.setdefault((lvl, left, name), package)
    self_time = {}
    by_package = {}
    for key, width in own.items():
        mine = width - children.get(key, 0)
        self_time[key[2]] = self_time.get(key[2], 0) + mine
        by_package[packages[key]] = by_package.get(packages[key], 0) + mine
    print(f"{total} samples")
    for name, samples in sorted(self_time.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{100.0 * samples / total:6.2f} %  self  {name}")
    for package, samples in sorted(by_package.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{100.0 * samples / total:6.2f} %  in    {package}")
    for pattern, samples in inclusive.items():
        print(f"{100.0 * samples / total:6.2f} %  incl  {pattern}")


if __name__ == "__main__":
    main()
