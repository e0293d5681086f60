"""The REPL as a person uses it: minipy runs on a terminal emulated by tmux, the test types keys
and reads the screen.

Run: python3 repl_tty_test.py --minipy PATH [--tmux PATH] [unittest arguments]. Each wait polls
the screen until the expected text shows up (a generous timeout, never a measure of speed); a key
that depends on earlier output is sent only once that output is on the screen, since the terminal
drops unread input when Ctrl-C arrives.
"""
import argparse
import itertools
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
import unittest

MINIPY = None
TMUX = "tmux"
WAIT = 60.0  # seconds before a wait gives up


class Terminal:
    """One tmux server (its own socket) with one 100x50 window running a command."""

    numbers = itertools.count()

    def __init__(self, command, home, env=None):
        # A new socket name each time: a server being killed never serves the next terminal.
        number = next(Terminal.numbers)
        self.socket = f"minipy-test-{os.getpid()}-{number}"
        self.status_file = os.path.join(home, f"status-{number}")
        environment = {"HOME": home, "TERM": "xterm", "LC_ALL": "C.UTF-8"}
        environment.update(env or {})
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in environment.items())
        # The exit status lands in a file, then the shell waits so the screen stays readable.
        shell = (f"env {exports} {command}; echo $? > {shlex.quote(self.status_file)}; "
                 "sleep 600")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "100", "-y", "50",
                  shell)

    def tmux(self, *args):
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=WAIT).stdout

    def close(self):
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True,
                       timeout=WAIT)

    def keys(self, *keys):
        """Sends tmux key names (Enter, Up, C-c) or literal text."""
        for key in keys:
            if re.fullmatch(r"Enter|Up|Down|Left|Right|BSpace|Tab|C-[a-z]", key):
                self.tmux("send-keys", "-t", "t", key)
            else:
                self.tmux("send-keys", "-t", "t", "-l", key)

    def line(self, text):
        self.keys(text, "Enter")

    def screen(self):
        """The visible screen and the scrollback, trailing blanks removed."""
        text = self.tmux("capture-pane", "-p", "-J", "-t", "t", "-S", "-1000")
        return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n")).rstrip("\n")

    def wait_for(self, predicate, what):
        deadline = time.monotonic() + WAIT
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{screen}")
            time.sleep(0.05)

    def wait_for_end(self, text):
        """Waits until the screen, trailing blank lines removed, ends with `text`."""
        return self.wait_for(lambda screen: screen.endswith(text), repr(text))

    def exit_status(self):
        deadline = time.monotonic() + WAIT
        while True:
            if os.path.exists(self.status_file):
                with open(self.status_file) as f:
                    status = f.read().strip()
                if status:
                    return int(status)
            if time.monotonic() > deadline:
                raise AssertionError(f"minipy did not exit; screen:\n{self.screen()}")
            time.sleep(0.05)


class ReplOnTerminal(unittest.TestCase):
    def setUp(self):
        self._home = tempfile.TemporaryDirectory(prefix="minipy-repl-")
        self.home = self._home.name
        self.terminals = []

    def tearDown(self):
        for terminal in self.terminals:
            terminal.close()
        self._home.cleanup()

    def start(self, *args):
        command = " ".join(shlex.quote(part) for part in (MINIPY, *args))
        terminal = Terminal(command, self.home)
        self.terminals.append(terminal)
        return terminal

    def test_banner_and_prompt(self):
        term = self.start()
        screen = term.wait_for_end(">>>")
        self.assertRegex(screen, r"^minipy \S+ \(Python 3\.11\.\d+ compatible\) \[.+\] on linux\n"
                                 r"Type Ctrl-D \(end of input\) to leave\.\n>>>$")
        quiet = self.start("-q")
        self.assertEqual(quiet.wait_for_end(">>>"), ">>>")

    def test_session(self):
        term = self.start("-q")
        term.wait_for_end(">>>")
        # A multi-line function: the block continues until an empty line.
        term.line("def twice(x):")
        term.wait_for_end(">>> def twice(x):\n...")
        term.line("    return 2 * x")
        term.wait_for_end("...     return 2 * x\n...")
        term.line("")
        term.wait_for_end("...\n>>>")
        term.line("twice(21)")
        term.wait_for_end(">>> twice(21)\n42\n>>>")
        # An error prints a traceback and the session goes on, with its variables.
        term.line("twice(None)")
        term.wait_for_end(
            ">>> twice(None)\n"
            "Traceback (most recent call last):\n"
            '  File "<stdin>", line 1, in <module>\n'
            '  File "<stdin>", line 2, in twice\n'
            "TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'\n>>>")
        term.line("twice(5)")
        term.wait_for_end(">>> twice(5)\n10\n>>>")
        # A syntax error, then the last value in `_`.
        term.line("x = )")
        term.wait_for_end("SyntaxError: unmatched ')'\n>>>")
        term.line("6 * 7")
        term.wait_for_end(">>> 6 * 7\n42\n>>>")
        term.line("_ + 1")
        term.wait_for_end(">>> _ + 1\n43\n>>>")
        term.line("None")
        term.wait_for_end(">>> None\n>>>")
        # Unclosed brackets continue without an empty line.
        term.line("[1,")
        term.wait_for_end(">>> [1,\n...")
        term.line(" 2]")
        term.wait_for_end("...  2]\n[1, 2]\n>>>")
        # History: the up arrow brings back earlier lines, which can be edited.
        term.keys("Up")
        term.wait_for_end(">>>  2]")
        term.keys("Up", "Up", "Up", "Up", "Up", "Up")
        term.wait_for_end(">>> twice(5)")
        term.keys("BSpace", "BSpace", "8)")
        term.wait_for_end(">>> twice(8)")
        term.keys("Enter")
        term.wait_for_end(">>> twice(8)\n16\n>>>")
        # Ctrl-C cancels the line being typed.
        term.keys("abandoned")
        term.wait_for_end(">>> abandoned")
        term.keys("C-c")
        term.wait_for_end(">>> abandoned\nKeyboardInterrupt\n>>>")
        # ... and a whole block being typed.
        term.line("if True:")
        term.wait_for_end(">>> if True:\n...")
        term.keys("    cancelled = 1")
        term.wait_for_end("...     cancelled = 1")
        term.keys("C-c")
        term.wait_for_end("...     cancelled = 1\nKeyboardInterrupt\n>>>")
        term.line("'cancelled' in dir()")
        term.wait_for_end(">>> 'cancelled' in dir()\nFalse\n>>>")
        # Non-ASCII text is edited by characters (the cursor moves over one code point).
        term.keys("'h\u00e9llo \u2713!'")
        term.wait_for_end(">>> 'h\u00e9llo \u2713!'")
        term.keys("Left", "Left", "BSpace", "Enter")
        term.wait_for_end(">>> 'h\u00e9llo !'\n'h\u00e9llo !'\n>>>")
        # input() reads the terminal between prompts.
        term.line("name = input('name? ')")
        term.wait_for_end(">>> name = input('name? ')\nname?")
        term.line("bob")
        term.wait_for_end("name? bob\n>>>")
        term.line("name")
        term.wait_for_end(">>> name\n'bob'\n>>>")
        # Tab completes names, keywords and attributes, and indents at the start of a line.
        term.line("unique_value_name = 'abc'")
        term.wait_for_end(">>> unique_value_name = 'abc'\n>>>")
        term.keys("unique_va", "Tab")
        term.wait_for_end(">>> unique_value_name")
        term.keys(".upp", "Tab")
        term.wait_for_end(">>> unique_value_name.upper(")
        term.keys(")", "Enter")
        term.wait_for_end(">>> unique_value_name.upper()\n'ABC'\n>>>")
        term.keys("whi", "Tab")
        term.wait_for_end(">>> while")
        term.keys("C-u")
        term.wait_for_end(">>>")
        term.line("if True:")
        term.wait_for_end(">>> if True:\n...")
        term.keys("Tab", "len(unique_value_name)", "Enter")
        term.wait_for(lambda screen: re.search(r"\.\.\. +len\(unique_value_name\)\n\.\.\.$",
                                               screen), "the indented line")
        term.line("")
        term.wait_for_end("...\n3\n>>>")
        # Ctrl-D on an empty line leaves with status 0 and saves the history.
        term.keys("C-d")
        self.assertEqual(term.exit_status(), 0)
        with open(os.path.join(self.home, ".minipy_history")) as history:
            saved = history.read()
        self.assertIn("twice(8)", saved.replace("\\040", " "))

    def test_history_persists_between_sessions(self):
        first = self.start("-q")
        first.wait_for_end(">>>")
        first.line("remembered = 'yes'")
        first.wait_for_end(">>> remembered = 'yes'\n>>>")
        first.keys("C-d")
        self.assertEqual(first.exit_status(), 0)
        second = self.start("-q")
        second.wait_for_end(">>>")
        second.keys("Up")
        second.wait_for_end(">>> remembered = 'yes'")
        second.keys("Enter")
        second.wait_for_end(">>> remembered = 'yes'\n>>>")
        second.line("remembered")
        second.wait_for_end(">>> remembered\n'yes'\n>>>")

    def test_interrupting_a_running_statement(self):
        term = self.start("-q")
        term.wait_for_end(">>>")
        term.line("if True:")
        term.line("    print('started')")
        term.line("    while True: pass")
        term.wait_for_end("...     while True: pass\n...")
        term.line("")
        term.wait_for_end("...\nstarted")
        term.keys("C-c")
        # The terminal echoes ^C while the statement runs (the line editor is not reading).
        term.wait_for(lambda screen: re.search(
            r"\nstarted\n(\^C)?Traceback \(most recent call last\):\n"
            r'  File "<stdin>", line 3, in <module>\n'
            r"KeyboardInterrupt\n>>>$", screen), "KeyboardInterrupt's traceback")
        term.line("'alive'")
        term.wait_for_end(">>> 'alive'\n'alive'\n>>>")

    def test_system_exit_leaves_with_its_code(self):
        term = self.start("-q")
        term.wait_for_end(">>>")
        term.line("raise SystemExit(5)")
        self.assertEqual(term.exit_status(), 5)

    def test_inspect_after_a_script(self):
        script = os.path.join(self.home, "script.py")
        with open(script, "w") as f:
            f.write("greeting = 'hello'\nprint('script ran')\n")
        term = self.start("-i", script)
        term.wait_for_end("script ran\n>>>")
        term.line("greeting")
        term.wait_for_end(">>> greeting\n'hello'\n>>>")
        term.keys("C-d")
        self.assertEqual(term.exit_status(), 0)


def main():
    global MINIPY, TMUX
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--tmux", default="tmux")
    known, rest = parser.parse_known_args()
    MINIPY = os.path.abspath(known.minipy)
    TMUX = known.tmux
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
