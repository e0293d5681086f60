"""The `minipy` command's flags, messages and exit codes, through pipes (no terminal).

Run: python3 cli_test.py --minipy PATH [unittest arguments]. Expected texts are CPython 3.11's
(`python3` gives the same for each case, with its own program name and version).
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import unittest

MINIPY = None  # set from the command line
TIMEOUT = 60  # seconds; generous, never a measure of speed


def run(*args, stdin="", cwd=None, env=None):
    """Runs minipy with args; returns (exit code, stdout, stderr)."""
    full_env = dict(os.environ)
    full_env.pop("MINIPYPATH", None)
    if env:
        full_env.update(env)
    done = subprocess.run([MINIPY, *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=TIMEOUT)
    return done.returncode, done.stdout, done.stderr


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory(prefix="minipy-cli-")
        self.dir = os.path.realpath(self._dir.name)

    def tearDown(self):
        self._dir.cleanup()

    def write(self, relative, text):
        path = os.path.join(self.dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(textwrap.dedent(text))
        return path


class InformationOptions(unittest.TestCase):
    def test_version(self):
        for flag in ("-V", "--version"):
            code, out, err = run(flag)
            self.assertEqual(code, 0)
            self.assertRegex(out, r"^minipy \d+\.\d+\.\d+ \(Python 3\.11\.\d+\)\n$")
            self.assertEqual(err, "")

    def test_version_twice_names_the_compiler(self):
        code, out, _ = run("-VV")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^minipy \S+ \(Python 3\.11\.\d+ compatible\) \[.+\] on linux\n$")

    def test_help(self):
        for flag in ("-h", "--help", "-?"):
            code, out, err = run(flag)
            self.assertEqual(code, 0)
            self.assertTrue(out.startswith(
                f"usage: {MINIPY} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"), out)
            self.assertIn("-X opt", out)
            self.assertIn("showrefcount", out)
            self.assertEqual(err, "")


class UsageErrors(unittest.TestCase):
    def setUp(self):
        self.usage = (f"usage: {MINIPY} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                      "Try `minipy -h' for more information.\n")

    def test_unknown_short_option(self):
        self.assertEqual(run("-z"), (2, "", "Unknown option: -z\n" + self.usage))

    def test_unknown_short_option_in_a_group(self):
        self.assertEqual(run("-qz", "-c", "pass"), (2, "", "Unknown option: -z\n" + self.usage))

    def test_unknown_long_option(self):
        self.assertEqual(run("--foo"), (2, "", "unknown option --foo\n" + self.usage))

    def test_missing_arguments(self):
        for flag in ("-c", "-m", "-X", "--dis", "--dump-ast"):
            with self.subTest(flag=flag):
                self.assertEqual(run(flag),
                                 (2, "", f"Argument expected for the {flag} option\n"
                                  + self.usage))

    def test_missing_file(self):
        with tempfile.TemporaryDirectory() as folder:
            folder = os.path.realpath(folder)
            code, out, err = run("nothere.py", cwd=folder)
            self.assertEqual(code, 2)
            self.assertEqual(out, "")
            self.assertEqual(err, f"{MINIPY}: can't open file '{folder}/nothere.py': "
                                  "[Errno 2] No such file or directory\n")


class ExitCodes(unittest.TestCase):
    def test_success(self):
        self.assertEqual(run("-c", "print('hi')"), (0, "hi\n", ""))

    def test_uncaught_exception(self):
        code, out, err = run("-c", "print('before')\n1/0")
        self.assertEqual(code, 1)
        self.assertEqual(out, "before\n")
        self.assertEqual(err, 'Traceback (most recent call last):\n'
                              '  File "<string>", line 2, in <module>\n'
                              'ZeroDivisionError: division by zero\n')

    def test_system_exit_codes(self):
        cases = [("raise SystemExit", 0, ""), ("raise SystemExit(None)", 0, ""),
                 ("raise SystemExit(3)", 3, ""), ("raise SystemExit(256 + 7)", 7, ""),
                 ("raise SystemExit('bye')", 1, "bye\n"), ("raise SystemExit(2.5)", 1, "2.5\n"),
                 ("import sys; sys.exit(4)", 4, ""), ("import sys; sys.exit('gone')", 1, "gone\n"),
                 ("import sys; sys.exit()", 0, "")]
        for source, expected_code, expected_err in cases:
            with self.subTest(source=source):
                self.assertEqual(run("-c", source), (expected_code, "", expected_err))

    def test_system_exit_flushes_output_first(self):
        self.assertEqual(run("-c", "print('out')\nraise SystemExit('err')"), (1, "out\n", "err\n"))

    def test_syntax_error(self):
        code, out, err = run("-c", "print(1")
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        self.assertEqual(err, '  File "<string>", line 1\n'
                              '    print(1\n'
                              '         ^\n'
                              "SyntaxError: '(' was never closed\n")

    def _full_disk_outcome(self, program, unbuffered):
        env = dict(os.environ)
        env.pop("MINIPYPATH", None)
        env.pop("PYTHONUNBUFFERED", None)
        if unbuffered:
            env["PYTHONUNBUFFERED"] = "1"
        with open("/dev/full", "w") as full:
            done = subprocess.run([program, "-c", "for i in range(3): print(i)"], stdout=full,
                                  stderr=subprocess.PIPE, text=True, env=env, timeout=TIMEOUT)
        return done.returncode, done.stderr

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_stdout_flush_failure_at_exit(self):
        # CPython: "Exception ignored" and exit code 120 when buffered output cannot be written at
        # exit; with PYTHONUNBUFFERED the print itself raises (a traceback, exit code 1).
        for unbuffered in (False, True):
            with self.subTest(unbuffered=unbuffered):
                self.assertEqual(self._full_disk_outcome(MINIPY, unbuffered),
                                 self._full_disk_outcome(sys.executable, unbuffered))
        code, err = self._full_disk_outcome(MINIPY, False)
        self.assertEqual(code, 120)
        self.assertTrue(err.startswith("Exception ignored in: <_io.TextIOWrapper name='<stdout>'"))

    def test_closed_pipe_raises_broken_pipe(self):
        # SIGPIPE is ignored, as in CPython: the write raises BrokenPipeError.
        outcomes = []
        for program in (MINIPY, sys.executable):
            env = dict(os.environ, PYTHONUNBUFFERED="1")
            process = subprocess.Popen([program, "-c", "for i in range(100000): print(i)"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            process.stdout.close()
            err = process.stderr.read().decode()
            outcomes.append((process.wait(timeout=TIMEOUT), err))
        self.assertEqual(outcomes[0], outcomes[1])
        self.assertTrue(outcomes[0][1].endswith("BrokenPipeError: [Errno 32] Broken pipe\n"))

    def test_keyboard_interrupt_ends_by_sigint(self):
        code, out, err = run("-c", "raise KeyboardInterrupt")
        self.assertEqual(code, -signal.SIGINT)
        self.assertTrue(err.endswith("KeyboardInterrupt\n"), err)


class Programs(TempDirTest):
    def test_file_with_arguments(self):
        script = self.write("prog.py", """\
            import sys
            print(sys.argv)
            print(__name__, __file__)
            print(sys.path[0])
            """)
        code, out, err = run(script, "a", "-b", "--c", cwd=self.dir)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, f"['{script}', 'a', '-b', '--c']\n__main__ {script}\n{self.dir}\n")

    def test_relative_file_becomes_absolute(self):
        # Absolute but not normalized, as CPython 3.11; sys.path[0] is the real folder.
        self.write("sub/rel.py", "import sys\nprint(__file__, sys.path[0])\n")
        self.assertEqual(run("sub/rel.py", cwd=self.dir),
                         (0, f"{self.dir}/sub/rel.py {self.dir}/sub\n", ""))
        self.assertEqual(run("./sub/../sub/rel.py", cwd=self.dir),
                         (0, f"{self.dir}/./sub/../sub/rel.py {self.dir}/sub\n", ""))

    def test_symlinked_script_folder(self):
        self.write("real/tool.py", "import sys\nprint(sys.path[0])\n")
        os.symlink(os.path.join(self.dir, "real/tool.py"), os.path.join(self.dir, "link.py"))
        self.assertEqual(run("link.py", cwd=self.dir), (0, f"{self.dir}/real\n", ""))

    def test_folder_with_main(self):
        self.write("app/__main__.py", """\
            import sys
            print(__name__, __file__, sys.argv, sys.path[0])
            """)
        self.assertEqual(run("app", "x", cwd=self.dir),
                         (0, f"__main__ {self.dir}/app/__main__.py ['app', 'x'] {self.dir}/app\n",
                          ""))

    def test_folder_without_main(self):
        os.mkdir(os.path.join(self.dir, "empty"))
        self.assertEqual(run("empty", cwd=self.dir),
                         (1, "", f"{MINIPY}: can't find '__main__' module in "
                                 f"'{self.dir}/empty'\n"))

    def test_command_with_arguments(self):
        self.assertEqual(run("-c", "import sys; print(sys.argv)", "-x", "y"),
                         (0, "['-c', '-x', 'y']\n", ""))

    def test_command_attached_and_grouped(self):
        self.assertEqual(run("-qcprint(7)"), (0, "7\n", ""))

    def test_command_has_no_file(self):
        code, _, err = run("-c", "__file__")
        self.assertEqual(code, 1)
        self.assertIn("NameError: name '__file__' is not defined", err)

    def test_command_path0_is_empty(self):
        self.assertEqual(run("-c", "import sys; print(repr(sys.path[0]))"), (0, "''\n", ""))

    def test_stdin_script(self):
        source = "import sys\nprint(sys.argv, __file__, repr(sys.path[0]))\n"
        self.assertEqual(run(stdin=source), (0, "[''] <stdin> ''\n", ""))
        self.assertEqual(run("-", "a", "b", stdin=source), (0, "['-', 'a', 'b'] <stdin> ''\n", ""))

    def test_stdin_script_error(self):
        code, out, err = run(stdin="x = 1\nraise ValueError('bad')\n")
        self.assertEqual((code, out), (1, ""))
        self.assertEqual(err, 'Traceback (most recent call last):\n'
                              '  File "<stdin>", line 2, in <module>\n'
                              'ValueError: bad\n')

    def test_double_dash_ends_options(self):
        script = self.write("-odd.py", "print('odd')\n")
        self.assertEqual(run("--", "-odd.py", cwd=self.dir), (0, "odd\n", ""))
        self.assertTrue(os.path.exists(script))

    def test_module(self):
        self.write("tool.py", """\
            import sys
            print(__name__, __file__ == sys.argv[0], sys.argv[1:])
            print(sys.path[0])
            """)
        self.assertEqual(run("-m", "tool", "x", "-y", cwd=self.dir),
                         (0, f"__main__ True ['x', '-y']\n{self.dir}\n", ""))

    def test_module_argv0(self):
        path = self.write("tool.py", "import sys\nprint(sys.argv[0])\n")
        self.assertEqual(run("-m", "tool", cwd=self.dir), (0, f"{path}\n", ""))

    def test_package_main(self):
        self.write("pkg/__init__.py", "print('init', __name__)\n")
        self.write("pkg/__main__.py", "print('main', __name__)\n")
        self.assertEqual(run("-m", "pkg", cwd=self.dir), (0, "init pkg\nmain __main__\n", ""))

    def test_submodule(self):
        self.write("pkg/__init__.py", "")
        self.write("pkg/sub.py", "print('sub', __name__)\n")
        self.assertEqual(run("-m", "pkg.sub", cwd=self.dir), (0, "sub __main__\n", ""))

    def test_module_on_minipypath(self):
        self.write("lib/libtool.py", "print('from path')\n")
        self.assertEqual(run("-m", "libtool", env={"MINIPYPATH": os.path.join(self.dir, "lib")}),
                         (0, "from path\n", ""))

    def test_module_missing(self):
        self.assertEqual(run("-m", "no_such_module_here", cwd=self.dir),
                         (1, "", f"{MINIPY}: No module named no_such_module_here\n"))

    def test_package_without_main(self):
        self.write("bare/__init__.py", "")
        self.assertEqual(run("-m", "bare", cwd=self.dir),
                         (1, "", f"{MINIPY}: No module named bare.__main__; 'bare' is a "
                                 "package and cannot be directly executed\n"))

    def test_relative_module_name(self):
        self.assertEqual(run("-m", ".x", cwd=self.dir),
                         (1, "", f"{MINIPY}: Relative module names not supported\n"))

    def test_module_exit_code(self):
        self.write("quits.py", "raise SystemExit(9)\n")
        self.assertEqual(run("-m", "quits", cwd=self.dir), (9, "", ""))

    def test_frozen_module(self):
        self.assertEqual(run("-m", "keyword", cwd=self.dir), (0, "", ""))

    def test_frozen_package_without_main(self):
        self.assertEqual(run("-m", "collections", cwd=self.dir),
                         (1, "", f"{MINIPY}: No module named collections.__main__; 'collections' "
                                 "is a package and cannot be directly executed\n"))

    def test_builtin_module(self):
        self.assertEqual(run("-m", "sys", cwd=self.dir),
                         (1, "", f"{MINIPY}: No code object available for sys\n"))

    def test_dis_and_dump_ast(self):
        script = self.write("small.py", "x = 1\n")
        code, out, err = run("--dump-ast", script)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                              "value=Constant(value=1))], type_ignores=[])\n")
        code, out, err = run("--dis", script)
        self.assertEqual((code, err), (0, ""))
        self.assertIn("STORE_NAME", out)
        self.assertEqual(run("--dis", os.path.join(self.dir, "none.py"))[0], 2)


class XOptions(unittest.TestCase):
    def test_showrefcount(self):
        code, out, err = run("-X", "showrefcount", "-c", "print(1)")
        self.assertEqual((code, out), (0, "1\n"))
        self.assertRegex(err, r"^\[-?\d+ refs, \d+ objects\]\n$")

    def test_showrefcount_attached(self):
        code, _, err = run("-Xshowrefcount", "-c", "pass")
        self.assertEqual(code, 0)
        self.assertRegex(err, r"^\[-?\d+ refs, \d+ objects\]\n$")

    def test_showrefcount_after_an_error(self):
        code, _, err = run("-X", "showrefcount", "-c", "1/0")
        self.assertEqual(code, 1)
        self.assertRegex(err, r"ZeroDivisionError: division by zero\n\[-?\d+ refs, \d+ objects\]\n$")

    def test_int_max_str_digits(self):
        show = "import sys; print(sys.get_int_max_str_digits())"
        self.assertEqual(run("-X", "int_max_str_digits=700", "-c", show), (0, "700\n", ""))
        self.assertEqual(run("-X", "int_max_str_digits=0", "-c", show), (0, "0\n", ""))
        self.assertEqual(run("-c", show, env={"PYTHONINTMAXSTRDIGITS": "1000"}),
                         (0, "1000\n", ""))
        self.assertEqual(run("-E", "-c", show, env={"PYTHONINTMAXSTRDIGITS": "1000"}),
                         (0, "4300\n", ""))
        code, _, err = run("-X", "int_max_str_digits=700", "-c", "str(10 ** 800)")
        self.assertEqual(code, 1)
        self.assertTrue(err.endswith("ValueError: Exceeds the limit (700 digits) for integer "
                                     "string conversion; use sys.set_int_max_str_digits() to "
                                     "increase the limit\n"), err)
        for bad in ("int_max_str_digits=5", "int_max_str_digits", "int_max_str_digits=x"):
            with self.subTest(option=bad):
                self.assertEqual(run("-X", bad, "-c", "pass"),
                                 (1, "", f"{MINIPY}: -X int_max_str_digits: invalid limit; must "
                                         "be >= 640 or 0 for unlimited.\n"))
        self.assertEqual(run("-c", "pass", env={"PYTHONINTMAXSTRDIGITS": "12"}),
                         (1, "", f"{MINIPY}: PYTHONINTMAXSTRDIGITS: invalid limit; must be "
                                 ">= 640 or 0 for unlimited.\n"))

    def test_unknown_x_options_are_ignored(self):
        self.assertEqual(run("-X", "nonsense", "-X", "dev=1", "-c", "print(2)"), (0, "2\n", ""))

    def test_accepted_flags(self):
        self.assertEqual(run("-u", "-B", "-E", "-s", "-S", "-I", "-P", "-W", "ignore", "-c",
                             "print(3)"), (0, "3\n", ""))


class SiteAndPaths(TempDirTest):
    def test_exit_and_quit(self):
        self.assertEqual(run("-c", "print(repr(exit)); print(quit); quit(5)"),
                         (5, "Use exit() or Ctrl-D (i.e. EOF) to exit\n"
                             "Use quit() or Ctrl-D (i.e. EOF) to exit\n", ""))
        self.assertEqual(run("-c", "exit('message')"), (1, "", "message\n"))

    def test_no_site(self):
        code, _, err = run("-S", "-c", "exit")
        self.assertEqual(code, 1)
        self.assertTrue(err.endswith("NameError: name 'exit' is not defined\n"), err)

    def test_environment(self):
        env = {"MINIPYPATH": "/from/env"}
        show = "import sys; print(sys.path[:2])"
        self.assertEqual(run("-c", show, env=env), (0, "['', '/from/env']\n", ""))
        self.assertEqual(run("-E", "-c", show, env=env)[1], "['']\n")
        self.assertEqual(run("-P", "-c", show, env=env)[1], "['/from/env']\n")
        self.assertEqual(run("-I", "-c", show, env=env)[1], "[]\n")

    def test_hash_seed_from_the_environment(self):
        show = "print(hash('abc'))"
        first = run("-c", show, env={"PYTHONHASHSEED": "0"})
        self.assertEqual(first, run("-c", show, env={"PYTHONHASHSEED": "0"}))
        self.assertNotEqual(first, run("-c", show, env={"PYTHONHASHSEED": "1"}))
        self.assertNotEqual(first, run("-E", "-c", show, env={"PYTHONHASHSEED": "0"}))


class InteractiveWithoutTerminal(TempDirTest):
    """-i with a pipe: prompts on stderr, echoed values on stdout, as `python3 -i < file`."""

    def test_session(self):
        source = ("1 + 1\nNone\nx = 5\nx\n_\n1/0\ndef f():\n    return 4\n\nf()\n"
                  "if 1: print(1)\n\n# comment\n\nt = (1,\n 2)\nt\n"
                  "s = '''a\n\nb'''\ns\n")
        code, out, err = run("-i", "-q", stdin=source)
        self.assertEqual(code, 0)
        self.assertEqual(out, "2\n5\n5\n4\n1\n(1, 2)\n'a\\n\\nb'\n")
        self.assertEqual(err, ">>> >>> >>> >>> >>> >>> Traceback (most recent call last):\n"
                              '  File "<stdin>", line 1, in <module>\n'
                              "ZeroDivisionError: division by zero\n"
                              ">>> ... ... >>> >>> ... >>> >>> >>> ... >>> >>> ... ... >>> "
                              ">>> \n")

    def test_banner_unless_quiet(self):
        code, _, err = run("-i", stdin="")
        self.assertEqual(code, 0)
        self.assertRegex(err, r"^minipy \S+ \(Python 3\.11\.\d+ compatible\) \[.+\] on linux\n")
        self.assertEqual(run("-i", "-q", stdin=""), (0, "", ">>> \n"))

    def test_exit_in_the_repl(self):
        self.assertEqual(run("-iq", stdin="print('a')\nraise SystemExit(6)\nprint('b')\n"),
                         (6, "a\n", ">>> >>> "))

    def test_syntax_errors_do_not_end_the_session(self):
        code, out, err = run("-iq", stdin="x = )\nif x\nprint('still')\n")
        self.assertEqual((code, out), (0, "still\n"))
        self.assertEqual(err, '>>>   File "<stdin>", line 1\n'
                              "    x = )\n"
                              "        ^\n"
                              "SyntaxError: unmatched ')'\n"
                              '>>>   File "<stdin>", line 1\n'
                              "    if x\n"
                              "        ^\n"
                              "SyntaxError: expected ':'\n"
                              ">>> >>> \n")

    def test_block_errors(self):
        code, out, err = run("-iq", stdin="def g():\n\nif 1:\n  pass\nx = 1\n")
        self.assertEqual((code, out), (0, ""))
        self.assertEqual(err, '>>> ...   File "<stdin>", line 2\n'
                              "    \n"
                              "    ^\n"
                              "IndentationError: expected an indented block after function "
                              "definition on line 1\n"
                              '>>> ... ...   File "<stdin>", line 3\n'
                              "    x = 1\n"
                              "    ^\n"
                              "SyntaxError: invalid syntax\n"
                              ">>> \n")

    def test_after_a_script(self):
        script = self.write("setup.py", "value = 41\nprint('ran')\n")
        self.assertEqual(run("-i", script, stdin="value + 1\n"), (0, "ran\n42\n", ">>> >>> \n"))

    def test_after_a_script_that_exits(self):
        # CPython prints the program's SystemExit and goes on to the prompt.
        code, out, err = run("-i", "-c", "raise SystemExit(3)", stdin="print('here')\n")
        self.assertEqual((code, out), (0, "here\n"))
        self.assertEqual(err, "Traceback (most recent call last):\n"
                              '  File "<string>", line 1, in <module>\n'
                              "SystemExit: 3\n>>> >>> \n")

    def test_after_a_missing_file(self):
        code, _, err = run("-i", os.path.join(self.dir, "gone.py"), stdin="")
        self.assertEqual(code, 0)
        self.assertTrue(err.endswith("[Errno 2] No such file or directory\n>>> \n"), err)

    def test_input_takes_the_rest_of_a_pipe(self):
        # input() reads through sys.stdin's buffer, which takes in all the piped text; the REPL
        # then meets the end of its input (CPython gives exactly this).
        self.assertEqual(run("-iq", stdin="name = input()\nworld\nname\n"),
                         (0, "", ">>> >>> \n"))

    def test_sys_displayhook_is_called(self):
        source = ("1 + 1\nimport sys\nsys.displayhook = lambda v: print('hook', v)\n5\nNone\n"
                  "del sys.displayhook\n6\n")
        code, out, err = run("-iq", stdin=source)
        self.assertEqual((code, out), (0, "2\nhook 5\nhook None\n"))
        self.assertEqual(err, ">>> >>> >>> >>> >>> >>> >>> Traceback (most recent call last):\n"
                              '  File "<stdin>", line 1, in <module>\n'
                              "RuntimeError: lost sys.displayhook\n>>> \n")

    def test_warnings_and_soft_keywords(self):
        code, out, err = run("-iq", stdin="1 is 1\nmatch = 5\nmatch\n")
        self.assertEqual((code, out), (0, "True\n5\n"))
        self.assertEqual(err, '>>> <stdin>:1: SyntaxWarning: "is" with a literal. Did you mean '
                              '"=="?\n>>> >>> >>> \n')

    def test_last_exception_is_kept(self):
        source = ("import sys\n1/0\nsys.last_type, sys.last_value\n"
                  "sys.last_traceback is sys.last_value.__traceback__\n")
        code, out, _ = run("-iq", stdin=source)
        self.assertEqual((code, out), (0, "(<class 'ZeroDivisionError'>, "
                                          "ZeroDivisionError('division by zero'))\nTrue\n"))

    def test_nothing_leaks_after_errors(self):
        code, _, err = run("-X", "showrefcount", "-iq",
                           stdin="def f(): 1/0\n\nf()\nx = [1, 2]\nx.append(x)\n")
        self.assertEqual(code, 0)
        self.assertRegex(err, r"\[\d+ refs, 0 objects\]\n$")

    def test_displayhook_sets_underscore(self):
        code, out, _ = run("-iq", stdin="6 * 7\n_ + 1\nNone\n_\n")
        self.assertEqual((code, out), (0, "42\n43\n43\n"))


def main():
    global MINIPY
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    known, rest = parser.parse_known_args()
    MINIPY = os.path.abspath(known.minipy)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
