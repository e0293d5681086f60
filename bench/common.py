"""Helpers shared by the benchmark drivers (bench/run.py, bench/gil/run.py): the real CPython
binary, medians, the machine's description for a report header, and gnuplot charts."""
import os
import platform
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def real_cpython():
    """sys.executable of `python3`: the real binary, never a wrapper script on PATH (which may add
    tens of milliseconds to every start)."""
    done = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                          stdout=subprocess.PIPE, text=True, check=True)
    return done.stdout.strip()


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def load_average():
    try:
        with open("/proc/loadavg") as file:
            return " ".join(file.read().split()[:3])
    except OSError:
        return "unknown"


def git_description():
    try:
        head = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h %s"],
                              stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head[:90]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def version_of(argv):
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return done.stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def draw_gnuplot(script, out_dir, stem, size="1000,560", png_font="sans,11", svg_font="sans,12"):
    """Runs the gnuplot script `script` (a file in out_dir) twice: STEM.svg, then STEM.png when
    gnuplot has the cairo terminal (it draws rotated labels alike in every viewer). Returns
    (image file name, None) or (None, the reason there is no chart)."""
    if not shutil.which("gnuplot"):
        return None, "gnuplot is not installed (tools/quickstart.sh bench installs gnuplot-nox)"

    def draw(terminal, output):
        return subprocess.run(["gnuplot", "-e", f'set terminal {terminal}; set output "{output}"',
                               script], cwd=out_dir, stderr=subprocess.PIPE, text=True)

    done = draw(f'svg size {size} noenhanced font "{svg_font}" background rgb "white"',
                stem + ".svg")
    if done.returncode != 0:
        return None, "gnuplot failed: " + done.stderr.strip()[-300:]
    png = draw(f'pngcairo size {size} noenhanced font "{png_font}"', stem + ".png")
    return (stem + ".png" if png.returncode == 0 else stem + ".svg"), None
