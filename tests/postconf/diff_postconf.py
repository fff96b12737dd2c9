#!/usr/bin/env python3
"""Differential test harness: `pflint postconf ARGS` against the real `postconf ARGS`.

For one case the harness copies a configuration directory into two temporary
directories of equal path length (one per program, so edits can be compared),
back-dates every file's mtime by one hour (Postfix re-reads a file whose mtime
is within about a second of "now", sleeping and repeating its warnings), runs

    /usr/sbin/postconf ARGS           in copy "a"
    PFLINT postconf ARGS              in copy "b"

and compares:
  * stdout, byte for byte, after replacing each copy's path with $DIR and each
    child's process id with <PID> (`process_id = N` is the process's own pid);
  * stderr as a set of lines, after removing the program-name prefix
    (`postconf: ` / `pflint: ` / `pflint postconf: `) and replacing the path
    and pid; duplicates are dropped (postconf can repeat warnings) and the
    order is ignored (postconf prints some warnings in hash order);
  * the exit status;
  * the files left in the copy (names, bytes and permission bits), so every
    edit mode (-e, -X, -#, -M#, -MX, -Me, -F/-P with =, -PX) is checked and a
    read-only mode that writes anything is caught. The lines that `postconf -e`
    appends to the end of main.cf come out in hash order, so when both edited
    files agree up to a point and the rest are the same lines in another order,
    that counts as equal.

ARGS: unless the argument list contains the token @DIR@ (replaced by the
copy's path) or the case asks for [nodir], `-c <copy>` is put in front.
Each process runs with its copy as the working directory, so `-c .` works too.

Library use:
    import diff_postconf as dp
    res = dp.run_case(pflint_cmd=["build/dev/src/cli/pflint", "postconf"],
                      files={"main.cf": b"myhostname = x\\n", "master.cf": dp.STOCK},
                      args=["-n"])
    print(res.ok, res.report())

Command line (see tests/postconf/README.md):
    diff_postconf.py --pflint PFLINT --cases tests/postconf/cases
    diff_postconf.py --pflint PFLINT --corpus ../shared/corpus
    diff_postconf.py --pflint PFLINT --dir CONFIGDIR -- -n -x
    diff_postconf.py --self-test [--cases DIR] [--corpus DIR]
    diff_postconf.py --show CASEFILE      (print what the real postconf does)
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

POSTCONF = os.environ.get("PFLINT_REAL_POSTCONF", "/usr/sbin/postconf")  # override for testing
STOCK_MASTER = "/usr/share/postfix/master.cf.dist"
SKIPPED = 77  # CTest SKIP_RETURN_CODE: --corpus absent and nothing else to run
PROC_TIMEOUT = 30  # seconds for one process
BACKDATE = 3600  # seconds
RETRIES = 10  # extra real runs when only stderr/files differ (hash-order output)
RETRY_SECONDS = 8  # ... within this many seconds (a fatal postconf run sleeps 1 s)


class _Stock:
    """Marker: use Debian's stock master.cf."""

    def __repr__(self) -> str:
        return "STOCK"


STOCK = _Stock()

# Program-name prefixes to strip from stderr lines.
_PREFIX_RE = re.compile(rb"^(?:\S*/)?(?:postconf|pflint)(?: postconf)?: ")


@dataclass
class Outcome:
    """What one program did."""

    argv: list[str]
    stdout: bytes = b""
    stderr: bytes = b""
    rc: int | None = None
    files: dict[str, tuple[int, bytes]] = field(default_factory=dict)  # name -> (mode, bytes)
    error: str = ""  # harness-level problem (e.g. timeout, exec failure)
    seconds: float = 0.0


@dataclass
class Result:
    name: str
    args: list[str]
    real: Outcome
    cand: Outcome
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # documented differences (DIFFERENCES) that this run actually showed and
    # that pflint's documented behaviour was verified for
    triggered: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self) -> str:
        """Readable description of the mismatches (empty when ok)."""
        if self.ok:
            return ""
        head = f"  args: postconf {shlex.join(self.args)}\n"
        return head + "\n".join(self.problems)


# ---------------------------------------------------------------------------
# Running one side


def _write_tree(root: Path, files: dict[str, object], modes: dict[str, int]) -> None:
    root.mkdir()
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if content is STOCK:
            shutil.copyfile(STOCK_MASTER, p)
        elif isinstance(content, (bytes, bytearray)):
            p.write_bytes(bytes(content))
        elif isinstance(content, str):
            p.write_bytes(content.encode())
        else:
            raise TypeError(f"bad content for {name}: {type(content)}")
        os.chmod(p, modes.get(name, 0o644))
    past = time.time() - BACKDATE
    for dirpath, _dirs, fnames in os.walk(root):
        for f in fnames:
            os.utime(os.path.join(dirpath, f), (past, past))


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    snap = {}
    for dirpath, _dirs, fnames in os.walk(root):
        for f in fnames:
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, root)
            st = os.lstat(full)
            if stat.S_ISREG(st.st_mode):
                with open(full, "rb") as fh:
                    data = fh.read()
            else:
                data = b"<not a regular file>"
            snap[rel] = (stat.S_IMODE(st.st_mode), data)
    return snap


def _subst(args: list[str], d: str) -> list[str]:
    return [a.replace("@DIR@", d) for a in args]


def _run_side(prefix: list[str], args: list[str], root: Path, env_extra: dict[str, str],
              add_dir: bool) -> Outcome:
    d = str(root)
    argv = list(prefix)
    if add_dir and not any("@DIR@" in a for a in args):
        argv += ["-c", d]
    argv += _subst(args, d)
    env = {k: v for k, v in os.environ.items() if k not in ("MAIL_CONFIG", "MAIL_VERBOSE", "MAIL_DEBUG")}
    env.update({k: v.replace("@DIR@", d) for k, v in env_extra.items()})
    out = Outcome(argv=argv)
    t0 = time.monotonic()
    # The real postconf puts argv[0] into its messages, including inside the
    # usage text ("usage: postconf [-a ...]"), so run it as "postconf".
    exe = argv[0]
    if exe == POSTCONF:
        argv[0] = "postconf"
    try:
        p = subprocess.Popen(argv, executable=exe, cwd=d, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        out.error = f"cannot run {exe}: {e}"
        out.files = _snapshot(root)
        return out
    try:
        so, se = p.communicate(timeout=PROC_TIMEOUT)
    except subprocess.TimeoutExpired:
        p.kill()
        so, se = p.communicate()
        out.error = f"timed out after {PROC_TIMEOUT}s"
    out.seconds = time.monotonic() - t0
    out.rc = p.returncode
    pid = str(p.pid).encode()
    dd = d.encode()

    def norm(b: bytes) -> bytes:
        # The process id shows up as `process_id = N` and inside expanded
        # values ($process_id in debugger_command with -x). A config number
        # that happens to equal the pid would also be replaced; with pids in
        # the millions that is rare enough to accept.
        b = b.replace(dd, b"$DIR")
        return re.sub(rb"(?<![0-9])" + pid + rb"(?![0-9])", b"<PID>", b)

    out.stdout = norm(so)
    out.stderr = norm(se)
    out.files = {k: (m, v.replace(dd, b"$DIR")) for k, (m, v) in _snapshot(root).items()}
    return out


# ---------------------------------------------------------------------------
# Comparing


def stderr_set(b: bytes) -> set[bytes]:
    lines = set()
    for line in b.split(b"\n"):
        if not line:
            continue
        lines.add(_PREFIX_RE.sub(b"", line, count=1))
    return lines


def _show(b: bytes) -> str:
    """Printable text: invalid UTF-8 as \\xHH, control characters (not tab) as ^X."""
    t = b.decode("utf-8", "backslashreplace")
    return re.sub(r"[\x00-\x08\x0a-\x1f\x7f]",
                  lambda m: "^" + chr((ord(m.group()) + 64) % 128), t)


def _text_diff(a: bytes, b: bytes, la: str, lb: str, limit: int = 60) -> str:
    # control characters as ^X (CR as ^M), a '$' after trailing blanks
    al = [_show(x) + ("$" if x != x.rstrip() else "") for x in a.split(b"\n")]
    bl = [_show(x) + ("$" if x != x.rstrip() else "") for x in b.split(b"\n")]
    d = list(difflib.unified_diff(al, bl, la, lb, lineterm="", n=2))
    if len(d) > limit:
        d = d[:limit] + [f"... ({len(d) - limit} more diff lines)"]
    return "\n".join("    " + x for x in d)


def _appended_equal(a: bytes, b: bytes) -> bool:
    """Equal up to a common prefix, with the remaining lines equal as a multiset
    (postconf -e appends new parameters in hash order)."""
    al, bl = a.split(b"\n"), b.split(b"\n")
    i = 0
    while i < min(len(al), len(bl)) and al[i] == bl[i]:
        i += 1
    return sorted(al[i:]) == sorted(bl[i:])


# ---------------------------------------------------------------------------
# Documented differences (docs/postconf-edits.md, "Deliberate differences").
#
# Where pflint deliberately differs from postconf, a case declares it with
# `@@ expect-difference NAME REASON` (every run of the case) or a run option
# `[expect-difference NAME REASON]` (that run only). The harness then checks
# pflint's documented behaviour instead of postconf's for exactly that aspect;
# everything else is compared as usual. A declared difference that no run
# shows fails (a stale annotation). The corpus runs get the same rules from
# the file itself (see corpus_jobs).

DIFFERENCES = {
    "final-newline": "file without a final newline: pflint ends the last line before appending "
                     "(postconf glues the new text onto it)",
    "not-edited": "file with a fatal syntax error: pflint reports the reader's fatal error and "
                  "writes nothing (postconf's edit modes rewrite it)",
    "mode-kept": "pflint keeps the file's permission bits (postconf leaves 0644)",
    "no-tmp-left": "after a fatal error pflint leaves no main.cf.tmp / master.cf.tmp",
    "repeated-name": "a repeated -X/-# name: pflint warns \"ignoring earlier request\" and goes on "
                     "(postconf 3.7 crashes)",
    "nul-copied": "a line with a NUL byte is copied unchanged (postconf cuts it at the NUL and "
                  "drops its newline)",
    # Checked on every run (run_jobs adds it): postconf's order is hash order,
    # so there is nothing to declare; pflint's order is checked instead.
    "arg-order": "new main.cf parameters are appended in argument order (postconf: hash order)",
}

# The reader errors that make pflint refuse an edit (difference "not-edited").
_SYNTAX_FATAL_RE = re.compile(
    rb"^fatal: (?:.*, line \d+: missing '=' after attribute name: "
    rb"|.*, line \d+: missing attribute name: "
    rb"|file .*: line \d+: bad field count$"
    rb"|invalid (?:type|private|unprivileged|chroot|wakeup|process_limit) field )")


def _mode_flags(args: list[str]) -> str:
    return "".join(a[1:] for a in args if a.startswith("-") and not a.startswith("--"))


def _is_main_edit(args: list[str]) -> bool:
    flags = _mode_flags(args)
    if "e" in flags:
        return True
    # implicit -e: a name=value argument without any master.cf mode
    if not any(c in flags for c in "MFPX#dno"):
        return any("=" in a and not a.startswith("-") for a in args)
    return False


def _is_edit(args: list[str]) -> bool:
    """Any edit mode: -e (or name=value), -X, -#, and their -M/-F/-P forms."""
    flags = _mode_flags(args)
    if any(c in flags for c in "eX#"):
        return True
    if "n" in flags or "d" in flags:
        return False
    return any("=" in a for a in _edit_operands(args)[:1])


def _edit_operands(args: list[str]) -> list[str]:
    """The name/pattern arguments of an edit run (what follows the options)."""
    out, i = [], 0
    while i < len(args):
        a = args[i]
        if a == "--":
            out += args[i + 1:]
            break
        if a.startswith("-") and len(a) > 1:
            if a[1:] in ("c", "o", "C", "T"):  # option with a separate argument
                i += 1
            i += 1
            continue
        out.append(a)
        i += 1
    return out


def _has_pid(*outs: Outcome) -> bool:
    return any(b"<PID>" in o.stdout or b"<PID>" in o.stderr for o in outs)


_ASSIGN_RE = re.compile(rb"^([A-Za-z0-9_.-]+)[ \t]*=")


def _arg_order_problem(args: list[str], real: bytes, cand: bytes) -> str:
    """pflint appends new main.cf names in argument order (documented
    difference 2; postconf's order is hash order, so it is checked on pflint's
    side only)."""
    order = []
    for a in _edit_operands(args):
        name = a.split("=", 1)[0].strip()
        if name not in order:
            order.append(name)
    al, bl = real.split(b"\n"), cand.split(b"\n")
    i = 0
    while i < min(len(al), len(bl)) and al[i] == bl[i]:
        i += 1
    names = [m.group(1).decode(errors="replace") for ln in bl[i:] if (m := _ASSIGN_RE.match(ln))]
    pos = [order.index(n) for n in names if n in order]
    if pos != sorted(pos):
        return f"  new parameters not appended in argument order: {names} (arguments: {order})"
    return ""


def _final_newline_splits(orig: bytes, real: bytes) -> list[bytes]:
    """postconf's output with a newline put back after a copy of the original
    unterminated last line (where postconf glued the appended text onto it)."""
    last = orig.rsplit(b"\n", 1)[-1]
    if not last or orig.endswith(b"\n"):
        return []
    out, start = [], 0
    while (i := real.find(last, start)) >= 0:
        end = i + len(last)
        if (i == 0 or real[i - 1:i] == b"\n") and end < len(real) and real[end:end + 1] != b"\n":
            out.append(real[:end] + b"\n" + real[end:])
        start = i + 1
    return out


def _nul_cut(text: bytes) -> bytes:
    """What postconf's line copy makes of text: a line with a NUL ends at the
    NUL, and its newline is lost."""
    lines = text.split(b"\n")
    out = b""
    for k, ln in enumerate(lines):
        if b"\0" in ln:
            out += ln[:ln.index(b"\0")]
        else:
            out += ln + (b"\n" if k < len(lines) - 1 else b"")
    return out


@dataclass
class Context:
    """What compare() needs to check pflint's documented differences."""

    orig_files: dict[str, tuple[int, bytes]] = field(default_factory=dict)  # name -> (mode, bytes)
    expect: dict[str, str] = field(default_factory=dict)  # declared difference -> reason
    rerun: object = None  # callable(args) -> Outcome: the real postconf on fresh copies


def _files_equal(name: str, args: list[str], rb: bytes, cb: bytes, res: Result,
                 orig: bytes | None, expect: dict[str, str]) -> str:
    """'' when file `name` counts as equal; else the problem text."""
    main_edit = name == "main.cf" and _is_main_edit(args)

    def same(a: bytes, b: bytes, what: str) -> bool:
        if a == b:
            return True
        if main_edit and _appended_equal(a, b):
            if "arg-order" in expect and (p := _arg_order_problem(args, a, b)):
                res.problems.append(p)
            res.notes.append(f"{name}: appended lines equal as a set{what}")
            return True
        return False

    if same(rb, cb, ""):
        return ""
    if orig is not None and "final-newline" in expect:
        if cb.endswith(b"\n") and any(same(sp, cb, " (final-newline)")
                                      for sp in _final_newline_splits(orig, rb)):
            res.triggered.add("final-newline")
            res.notes.append(f"{name}: final-newline: postconf glued onto the unterminated last line")
            return ""
    if orig is not None and "nul-copied" in expect and b"\0" in orig:
        orig_lines = set(orig.split(b"\n"))
        nul_lines = [ln for ln in cb.split(b"\n") if b"\0" in ln]
        if nul_lines and all(ln in orig_lines for ln in nul_lines) and same(rb, _nul_cut(cb), " (nul-copied)"):
            res.triggered.add("nul-copied")
            res.notes.append(f"{name}: nul-copied: lines with NUL bytes copied unchanged")
            return ""
    return (f"  file {name} differs after the run (- postconf, + pflint):\n"
            + _text_diff(rb, cb, f"postconf/{name}", f"pflint/{name}"))


def _check_not_edited(args: list[str], real: Outcome, cand: Outcome, ctx: Context) -> Result | None:
    """Difference "not-edited": postconf's edit went through, pflint refused
    because the file has an error every Postfix reader dies on. Verified
    against the real reader (`postconf -n`, or `-M` for master.cf edits) on
    the same files: same fatal error, no output, files untouched."""
    if real.rc != 0 or cand.rc != 1 or ctx.rerun is None:
        return None
    flags = _mode_flags(args)
    reader_args = ["-M"] if any(c in flags for c in "MFP") else ["-n"]
    reader = ctx.rerun(reader_args)
    fatals = {x for x in stderr_set(reader.stderr) if _SYNTAX_FATAL_RE.match(x)}
    if reader.rc != 1 or not fatals:
        return None  # the file reads fine: no documented reason to refuse
    res = Result(name="", args=args, real=real, cand=cand)
    cs = stderr_set(cand.stderr)
    if not (fatals <= cs and cs <= stderr_set(reader.stderr)):
        lines = [f"  not-edited: pflint's messages are not `postconf {' '.join(reader_args)}`'s:"]
        lines += [f"    - {_show(x)}" for x in sorted(stderr_set(reader.stderr) - cs)]
        lines += [f"    + {_show(x)}" for x in sorted(cs - stderr_set(reader.stderr))]
        res.problems.append("\n".join(lines))
    if cand.stdout:
        res.problems.append("  not-edited: pflint printed to stdout:\n"
                            + _text_diff(b"", cand.stdout, "expected", "pflint"))
    if cand.files != ctx.orig_files:
        for n in sorted(set(cand.files) | set(ctx.orig_files)):
            if cand.files.get(n) != ctx.orig_files.get(n):
                res.problems.append(f"  not-edited: pflint changed, created or removed file {n}")
    res.triggered.add("not-edited")
    res.notes.append(f"not-edited: postconf {' '.join(reader_args)} dies on the file, postconf's edit went through")
    return res


def _repeated_names(args: list[str]) -> list[str]:
    seen, dups = set(), []
    for a in _edit_operands(args):
        if a in seen and a not in dups:
            dups.append(a)
        seen.add(a)
    return dups


def compare(name: str, args: list[str], real: Outcome, cand: Outcome,
            ctx: Context | None = None) -> Result:
    ctx = ctx or Context()
    expect = ctx.expect
    if "not-edited" in expect and not real.error and not cand.error and _is_edit(args):
        res = _check_not_edited(args, real, cand, ctx)
        if res is not None:
            res.name = name
            return res
    triggered_pre: set[str] = set()
    notes_pre: list[str] = []
    if ("repeated-name" in expect and real.rc is not None and real.rc < 0
            and (dups := _repeated_names(args)) and ctx.rerun is not None):
        # postconf crashed (a signal); pflint must do what postconf does with
        # the repeated names given once, plus one warning per repeated name.
        once = []
        for a in args:
            if a in dups and a in once:
                continue
            once.append(a)
        again = ctx.rerun(once)
        warn = b"".join(b"postconf: warning: ignoring earlier request: '" + d.encode() + b"'\n" for d in dups)
        real = Outcome(argv=again.argv, stdout=again.stdout, stderr=again.stderr + warn, rc=again.rc,
                       files=again.files, error=again.error)
        triggered_pre.add("repeated-name")
        notes_pre.append(f"repeated-name: postconf crashed; compared with `postconf {shlex.join(once)}`")
    res = Result(name=name, args=args, real=real, cand=cand)
    res.triggered |= triggered_pre
    res.notes += notes_pre
    pr = res.problems
    if real.error:
        pr.append(f"  real postconf: {real.error}")
    if cand.error:
        pr.append(f"  pflint: {cand.error}")
    if real.rc != cand.rc:
        pr.append(f"  exit status: postconf {real.rc}, pflint {cand.rc}")
    if real.stdout != cand.stdout:
        pr.append("  stdout differs (- postconf, + pflint):\n"
                  + _text_diff(real.stdout, cand.stdout, "postconf", "pflint"))
    rs, cs = stderr_set(real.stderr), stderr_set(cand.stderr)
    if rs != cs:
        lines = ["  stderr lines differ (as sets, program name removed):"]
        lines += [f"    - {_show(x)}" for x in sorted(rs - cs)]
        lines += [f"    + {_show(x)}" for x in sorted(cs - rs)]
        pr.append("\n".join(lines))
    names = sorted(set(real.files) | set(cand.files))
    for n in names:
        if n not in cand.files:
            if ("no-tmp-left" in expect and n in ("main.cf.tmp", "master.cf.tmp")
                    and n not in ctx.orig_files and real.rc == 1):
                res.triggered.add("no-tmp-left")
                res.notes.append(f"no-tmp-left: postconf left {n} after its fatal error")
                continue
            pr.append(f"  file {n}: left by postconf, missing after pflint")
            continue
        if n not in real.files:
            pr.append(f"  file {n}: created by pflint, not by postconf")
            continue
        (rm, rb), (cm, cb) = real.files[n], cand.files[n]
        om = ctx.orig_files[n][0] if n in ctx.orig_files else None
        if "mode-kept" in expect and om is not None:
            if cm != om:
                pr.append(f"  file {n}: mode-kept: mode was {om:04o}, pflint left {cm:04o}")
            elif rm != cm:
                res.triggered.add("mode-kept")
                res.notes.append(f"mode-kept: {n} stays {om:04o} (postconf {rm:04o})")
        elif rm != cm:
            pr.append(f"  file {n}: mode postconf {rm:04o}, pflint {cm:04o}")
        if rb != cb:
            orig = ctx.orig_files[n][1] if n in ctx.orig_files else None
            if (p := _files_equal(n, args, rb, cb, res, orig, expect)):
                pr.append(p)
    return res


# ---------------------------------------------------------------------------
# One case


def run_case(pflint_cmd: list[str], files: dict[str, object], args: list[str], *,
             name: str = "case", modes: dict[str, int] | None = None,
             env: dict[str, str] | None = None, add_dir: bool = True,
             real_cmd: list[str] | None = None, expect: dict[str, str] | None = None) -> Result:
    """Run one differential case.

    pflint_cmd: the candidate command prefix, e.g. [".../pflint", "postconf"].
    files: config-dir contents, name -> bytes | str | STOCK (absent = not created).
    args: the postconf argument list (@DIR@ = the copy's path).
    expect: documented differences to check pflint's behaviour for (DIFFERENCES).
    """
    modes = modes or {}
    env = env or {}
    real_cmd = real_cmd or [POSTCONF]
    with tempfile.TemporaryDirectory(prefix="pcdiff-") as tmp:
        ra, rb = Path(tmp) / "a", Path(tmp) / "b"  # equal path lengths
        _write_tree(ra, files, modes)
        _write_tree(rb, files, modes)
        rc_root = Path(tmp) / "c"

        def rerun(other_args: list[str]) -> Outcome:
            """The real postconf with other arguments, on a fresh copy."""
            if rc_root.exists():
                shutil.rmtree(rc_root)
            _write_tree(rc_root, files, modes)
            return _run_side(real_cmd, other_args, rc_root, env, add_dir)

        ctx = Context(orig_files=_snapshot(ra), expect=dict(expect or {}), rerun=rerun)
        # Both sides run at the same time (a fatal real postconf sleeps 1 s).
        box: list[Outcome] = []
        th = threading.Thread(target=lambda: box.append(_run_side(pflint_cmd, args, rb, env, add_dir)))
        th.start()
        real = _run_side(real_cmd, args, ra, env, add_dir)
        th.join()
        cand = box[0]
        res = compare(name, args, real, cand, ctx)
        # Some real-postconf output depends on hash-table order (e.g. which
        # parameter of a reference loop the "unreasonable macro call nesting"
        # warning names). When only stderr differs, run the real postconf
        # again: the candidate passes if it matches any real run.
        tries = 0
        t_end = time.monotonic() + RETRY_SECONDS
        while (not res.ok and tries < RETRIES and time.monotonic() < t_end
               and not real.error and not cand.error and real.rc == cand.rc
               and (all(p.startswith("  stderr") for p in res.problems)
                    # a config number that equals a pid was replaced by <PID>
                    or (tries < 2 and _has_pid(real, cand)))):
            tries += 1
            pid_retry = not all(p.startswith("  stderr") for p in res.problems)
            shutil.rmtree(ra)
            _write_tree(ra, files, modes)
            again = _run_side(real_cmd, args, ra, env, add_dir)
            if pid_retry:  # the coincidence may be on the candidate's side
                shutil.rmtree(rb)
                _write_tree(rb, files, modes)
                cand = _run_side(pflint_cmd, args, rb, env, add_dir)
            real, res = again, compare(name, args, again, cand, ctx)
            if res.ok:
                res.notes.append(f"matched on real run {tries + 1}")
                return res
        if tries:
            res.notes.append(f"no match in {tries + 1} real runs")
    return res


def files_from_dir(d: str | Path) -> tuple[dict[str, object], dict[str, int]]:
    files, modes = {}, {}
    d = Path(d)
    for p in sorted(d.rglob("*")):
        if p.is_file():
            rel = str(p.relative_to(d))
            files[rel] = p.read_bytes()
            modes[rel] = stat.S_IMODE(p.stat().st_mode)
    return files, modes


# ---------------------------------------------------------------------------
# Case files (format documented in README.md)

_ESC_RE = re.compile(rb"\\(x[0-9a-fA-F]{2}|[\\rnt0])")


def _unescape(b: bytes) -> bytes:
    def rep(m: re.Match) -> bytes:
        s = m.group(1)
        return {b"\\": b"\\", b"r": b"\r", b"n": b"\n", b"t": b"\t", b"0": b"\0"}.get(
            s, None) or bytes([int(s[1:], 16)])
    return _ESC_RE.sub(rep, b)


@dataclass
class RunSpec:
    args: list[str]
    env: dict[str, str]
    add_dir: bool
    line: int
    text: str
    # documented differences (DIFFERENCES): name -> reason
    expect: dict[str, str] = field(default_factory=dict)  # [expect-difference ...] on this run
    case_expect: dict[str, str] = field(default_factory=dict)  # @@ expect-difference (all runs)
    auto: bool = False  # expect was derived from the file (corpus): no stale-annotation check
    case: str = ""  # case file stem (for the per-case stale-annotation check)

    def expectations(self) -> dict[str, str]:
        return {**self.case_expect, **self.expect}


@dataclass
class CaseFile:
    path: Path
    intent: str
    files: dict[str, object]
    modes: dict[str, int]
    runs: list[RunSpec]
    expect: dict[str, str] = field(default_factory=dict)


class CaseError(Exception):
    pass


def parse_case(path: Path) -> CaseFile:
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    if raw.endswith(b"\n"):
        lines = lines[:-1]
    if not lines or not lines[0].startswith(b"# ") or len(lines[0]) < 3:
        raise CaseError(f"{path}: line 1 must be '# <intent>'")
    intent = lines[0][2:].decode()
    files: dict[str, object] = {"master.cf": STOCK}
    modes: dict[str, int] = {}
    runs: list[RunSpec] = []
    case_expect: dict[str, str] = {}

    def difference(words: list[str], where: str) -> tuple[str, str]:
        names = sorted(k for k in DIFFERENCES if k != "arg-order")  # arg-order: always checked
        if not words or words[0] not in names:
            raise CaseError(f"{where}: expect-difference needs one of {names}")
        if len(words) < 2:
            raise CaseError(f"{where}: expect-difference {words[0]} needs a one-line reason")
        return words[0], " ".join(words[1:])
    i = 1
    cur = None  # (name, flags, [lines])
    in_run = False

    def close():
        nonlocal cur
        if cur is None:
            return
        fname, flags, body = cur
        if "absent" in flags:
            files.pop(fname, None)
        elif "stock" in flags:
            files[fname] = STOCK
        else:
            data = b"".join(x + b"\n" for x in body)
            if "escapes" in flags:
                data = _unescape(data)
            if "noeol" in flags:
                data = data[:-1] if data.endswith(b"\n") else data
            files[fname] = data
        for f in flags:
            if f.startswith("mode="):
                modes[fname] = int(f[5:], 8)
        cur = None

    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith(b"@@ "):
            close()
            words = line[3:].decode().split()
            if not words:
                raise CaseError(f"{path}:{i}: empty @@ header")
            if words[0] == "run":
                in_run = True
                continue
            if words[0] == "expect-difference":
                in_run = False
                k, why = difference(words[1:], f"{path}:{i}")
                case_expect[k] = why
                continue
            in_run = False
            if words[0] == "file" and len(words) >= 2:
                fname, flags = words[1], words[2:]
            elif words[0] in ("main.cf", "master.cf"):
                fname, flags = words[0], words[1:]
            else:
                raise CaseError(f"{path}:{i}: unknown section {words[0]!r}")
            bad = [f for f in flags if f not in ("absent", "stock", "escapes", "noeol", "empty")
                   and not re.fullmatch(r"mode=[0-7]{3,4}", f)]
            if bad:
                raise CaseError(f"{path}:{i}: unknown section flag(s) {bad}")
            cur = (fname, flags, [])
            continue
        if in_run:
            text = line.decode()
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            env, add_dir, expect = {}, True, {}
            rest = text.strip()
            while rest.startswith("["):
                end = rest.index("]")
                opt = rest[1:end].split(None, 1)
                rest = rest[end + 1:].lstrip()
                if opt[0] == "nodir":
                    add_dir = False
                elif opt[0] == "expect-difference":
                    k, why = difference(opt[1].split() if len(opt) == 2 else [], f"{path}:{i}")
                    expect[k] = why
                elif opt[0] == "env" and len(opt) == 2 and "=" in opt[1]:
                    k, v = opt[1].split("=", 1)
                    env[k] = v
                else:
                    raise CaseError(f"{path}:{i}: unknown run option [{' '.join(opt)}]")
            try:
                args = shlex.split(rest)
            except ValueError as e:
                raise CaseError(f"{path}:{i}: {e}") from None
            runs.append(RunSpec(args=args, env=env, add_dir=add_dir, line=i, text=text.strip(),
                                expect=expect, case=path.stem))
            continue
        if cur is None:
            if line.strip() and not line.startswith(b"#"):
                raise CaseError(f"{path}:{i}: text outside a section")
            continue
        cur[2].append(line)
    close()
    if not runs:
        raise CaseError(f"{path}: no @@ run lines")
    for r in runs:
        r.case_expect = dict(case_expect)
    return CaseFile(path=path, intent=intent, files=files, modes=modes, runs=runs, expect=case_expect)


def case_jobs(cases_dir: Path, only: str | None = None) -> list[tuple[str, dict, dict, RunSpec]]:
    jobs = []
    for p in sorted(cases_dir.glob("*.case")):
        cf = parse_case(p)
        for r in cf.runs:
            name = f"{p.stem}:{r.line}"
            if only and only not in name and only not in r.text:
                continue
            jobs.append((name, cf.files, cf.modes, r))
    return jobs


# ---------------------------------------------------------------------------
# Corpus


def _read_manifest(corpus: Path) -> dict[str, dict[str, str]]:
    m = {}
    mf = corpus / "MANIFEST.tsv"
    if mf.exists():
        rows = mf.read_text(errors="replace").splitlines()
        hdr = rows[0].split("\t")
        for r in rows[1:]:
            cols = r.split("\t")
            m[cols[0]] = dict(zip(hdr, cols))
    return m


_PARAM_RE = re.compile(rb"^([A-Za-z0-9_]+)[ \t]*=", re.M)


def _oracle_lines(files: dict, args: list[str]) -> list[str]:
    """Run only the real postconf (to choose edit targets)."""
    with tempfile.TemporaryDirectory(prefix="pcpick-") as tmp:
        root = Path(tmp) / "a"
        _write_tree(root, files, {})
        o = _run_side([POSTCONF], args, root, {}, True)
    if o.rc != 0:
        return []
    return o.stdout.decode(errors="replace").splitlines()


def auto_expect(files: dict[str, object], args: list[str]) -> dict[str, str]:
    """The documented differences an edit run on these files may show, derived
    from the file being edited (corpus runs have no annotations). Each one is
    still only accepted when pflint does exactly what docs/postconf-edits.md
    says (see compare())."""
    if not _is_edit(args):
        return {}
    flags = _mode_flags(args)
    target = "master.cf" if any(c in flags for c in "MFP") else "main.cf"
    data = files.get(target)
    data = data if isinstance(data, bytes) else b""
    out = {
        # checked against the real reader on the same file
        "not-edited": f"{target} may have an error every Postfix reader dies on",
        # accepted only after a fatal postconf error
        "no-tmp-left": "postconf leaves its temporary file after a fatal error",
    }
    if data and not data.endswith(b"\n"):
        out["final-newline"] = f"{target} does not end in a newline"
    if b"\0" in data:
        out["nul-copied"] = f"{target} has a NUL byte"
    if _repeated_names(args):
        out["repeated-name"] = "an edit name is given twice"
    return out


def corpus_jobs(corpus: Path, only: str | None = None) -> list[tuple[str, dict, dict, RunSpec]]:
    jobs = []
    manifest = _read_manifest(corpus)

    def add(name, files, args):
        if only and only not in name:
            return
        spec = RunSpec(args=args, env={}, add_dir=True, line=0, text=shlex.join(args),
                       expect=auto_expect(files, args), auto=True)
        jobs.append((name, files, {}, spec))

    read_modes = [["-n"], ["-nx"], ["-M"], ["-Mf"], ["-F"], ["-P"]]
    for p in sorted((corpus / "main").glob("*.cf")):
        rel = f"main/{p.name}"
        tag = "template " if manifest.get(rel, {}).get("template") == "yes" else ""
        data = p.read_bytes()
        files = {"main.cf": data, "master.cf": STOCK}
        for a in read_modes:
            add(f"corpus {tag}{rel} {' '.join(a)}", files, a)
        names = list(dict.fromkeys(m.group(1).decode() for m in _PARAM_RE.finditer(data)))
        if names:
            first = names[0]
            other = names[1] if len(names) > 1 else first
            add(f"corpus {tag}{rel} -e", files, ["-e", f"{first} = pflint.diff.example", "zz_pflint_new = 1"])
            add(f"corpus {tag}{rel} -X", files, ["-X", first, other])
            add(f"corpus {tag}{rel} -#", files, ["-#", other])
        else:
            add(f"corpus {tag}{rel} -e", files, ["-e", "zz_pflint_new = 1"])
    for p in sorted((corpus / "master").glob("*.cf")):
        rel = f"master/{p.name}"
        tag = "template " if manifest.get(rel, {}).get("template") == "yes" else ""
        data = p.read_bytes()
        files = {"main.cf": b"", "master.cf": data}
        for a in read_modes:
            add(f"corpus {tag}{rel} {' '.join(a)}", files, a)
        add(f"corpus {tag}{rel} -e", files, ["-e", "myhostname = pflint.diff.example"])
        # master.cf edits, targets chosen with the real postconf
        svc = [ln.split()[:2] for ln in _oracle_lines(files, ["-M"]) if ln and not ln[0].isspace()]
        svc = [s for s in svc if len(s) == 2]
        if svc:
            st = "/".join(svc[-1])
            add(f"corpus {tag}{rel} -M# {st}", files, ["-M#", st])
            add(f"corpus {tag}{rel} -MX {st}", files, ["-MX", st])
            add(f"corpus {tag}{rel} -F chroot", files, ["-F", "/".join(svc[0]) + "/chroot=n"])
        params = [ln.split(" = ", 1)[0] for ln in _oracle_lines(files, ["-P"]) if " = " in ln]
        if params:
            sp = params[0]
            add(f"corpus {tag}{rel} -PX", files, ["-PX", sp])
            add(f"corpus {tag}{rel} -P set", files, ["-P", sp + "=pflint-diff"])
    return jobs


# ---------------------------------------------------------------------------
# Driver


_print_lock = threading.Lock()


def run_jobs(jobs, pflint_cmd: list[str], workers: int, verbose: bool, out=sys.stdout,
             max_details: int = 40, use_expect: bool = True) -> int:
    """Run the jobs on a thread pool; print PASS/FAIL lines (details for the
    first max_details failures) and the "N passed, N failed" line.
    use_expect=False (the self-test: postconf on both sides) ignores the
    expect-difference annotations."""
    failed = 0
    case_triggered: dict[str, set[str]] = {}  # case -> differences some run showed
    case_declared: dict[str, dict[str, str]] = {}

    def work(job):
        name, files, modes, spec = job
        res = run_case(pflint_cmd, files, spec.args, name=name, modes=modes, env=spec.env,
                       add_dir=spec.add_dir,
                       expect={**spec.expectations(), "arg-order": DIFFERENCES["arg-order"]} if use_expect else {})
        if use_expect and not spec.auto:
            for k in spec.expect:
                if k not in res.triggered:
                    res.problems.append(f"  [expect-difference {k}] is declared, but this run showed no such "
                                        "difference (stale annotation?)")
        return res

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as ex:
        for job, res in zip(jobs, ex.map(work, jobs)):
            spec = job[3]
            if use_expect and spec.case and spec.case_expect:
                case_declared[spec.case] = spec.case_expect
                case_triggered.setdefault(spec.case, set()).update(res.triggered)
            with _print_lock:
                if res.ok:
                    extra = f"  ({'; '.join(res.notes)})" if res.notes and verbose else ""
                    print(f"PASS {res.name}  [{shlex.join(res.args)}]{extra}", file=out)
                else:
                    failed += 1
                    extra = f"  ({'; '.join(res.notes)})" if res.notes else ""
                    print(f"FAIL {res.name}  [{shlex.join(res.args)}]{extra}", file=out)
                    if failed <= max_details:
                        print(res.report(), file=out)
                    elif failed == max_details + 1:
                        print(f"  (details of further failures left out; see --max-details)", file=out)
                out.flush()
    # A difference declared for a whole case must show up in at least one run.
    stale = 0
    for case, declared in sorted(case_declared.items()):
        for k in declared:
            if k not in case_triggered.get(case, set()):
                stale += 1
                print(f"FAIL {case}: @@ expect-difference {k} is declared, but no run of the case showed "
                      "that difference (stale annotation?)", file=out)
    passed = len(jobs) - failed
    print(f"{passed} passed, {failed + stale} failed", file=out)
    return failed + stale


def show_case(path: Path) -> None:
    """Print what the real postconf does for each run of a case file."""
    cf = parse_case(path)
    print(f"# {cf.intent}")
    for r in cf.runs:
        with tempfile.TemporaryDirectory(prefix="pcshow-") as tmp:
            root = Path(tmp) / "a"
            _write_tree(root, cf.files, cf.modes)
            before = {k: (m, v.replace(str(root).encode(), b"$DIR"))
                      for k, (m, v) in _snapshot(root).items()}
            o = _run_side([POSTCONF], r.args, root, r.env, r.add_dir)
        print(f"$ postconf {shlex.join(r.args)}")
        sys.stdout.write(_show(o.stdout))
        for ln in o.stderr.decode(errors="backslashreplace").splitlines():
            print(f"[stderr] {ln}")
        print(f"[rc={o.rc}]")
        for n in sorted(set(before) | set(o.files)):
            b = before.get(n, (0, b""))
            a = o.files.get(n)
            if a is None:
                print(f"[file {n} removed]")
            elif b != a:
                if b[0] != a[0]:
                    print(f"[file {n} mode {b[0]:04o} -> {a[0]:04o}]")
                if b[1] != a[1]:
                    print(_text_diff(b[1], a[1], f"before/{n}", f"after/{n}", limit=400))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pflint", help="pflint executable (runs `PFLINT postconf ARGS`)")
    ap.add_argument("--self-test", action="store_true",
                    help="use the real postconf as the candidate too (checks the harness)")
    ap.add_argument("--cases", type=Path, help="directory of *.case fixture files")
    ap.add_argument("--corpus", type=Path, help="corpus directory (main/*.cf, master/*.cf)")
    ap.add_argument("--dir", type=Path, help="one config directory to compare with ARGS")
    ap.add_argument("--show", type=Path, metavar="CASEFILE",
                    help="print what the real postconf does for each run in CASEFILE")
    ap.add_argument("-k", "--only", help="run only cases whose name or args contain this text")
    # Most of the time goes to waiting: the real postconf sleeps 1 s before
    # exiting on a fatal error, so run more processes than there are cores.
    ap.add_argument("-j", "--jobs", type=int, default=8)
    ap.add_argument("-v", "--verbose", action="store_true", help="show notes on passing runs")
    ap.add_argument("--max-details", type=int, default=40, metavar="N",
                    help="print the differences of the first N failures only (default 40)")
    ap.add_argument("args", nargs="*", help="postconf arguments for --dir (after --)")
    ns = ap.parse_args(argv)

    if ns.show:
        show_case(ns.show)
        return 0
    if not os.access(POSTCONF, os.X_OK):
        print(f"FAIL: {POSTCONF} not found: the real postconf is required "
              "(apt-get install postfix)")
        return 1
    if not os.path.exists(STOCK_MASTER):
        print(f"FAIL: {STOCK_MASTER} not found (Debian's postfix package provides it)")
        return 1
    if ns.self_test:
        cand = [POSTCONF]
    elif ns.pflint:
        # processes run in their config copy, so make the path absolute
        exe = ns.pflint if "/" not in ns.pflint else os.path.abspath(ns.pflint)
        cand = [exe, "postconf"]
    else:
        ap.error("give --pflint PFLINT or --self-test")

    jobs = []
    if ns.dir:
        files, modes = files_from_dir(ns.dir)
        jobs.append((str(ns.dir), files, modes,
                     RunSpec(args=ns.args, env={}, add_dir=True, line=0, text=shlex.join(ns.args))))
    if ns.cases:
        try:
            jobs += case_jobs(ns.cases, ns.only)
        except CaseError as e:
            print(f"FAIL: bad case file: {e}")
            return 1
    if ns.corpus:
        if not ns.corpus.is_dir():
            print("skipped: ../shared not present")
            if not jobs:
                return SKIPPED
        else:
            jobs += corpus_jobs(ns.corpus, ns.only)
    if not jobs:
        ap.error("nothing to run: give --cases, --corpus or --dir")
    failed = run_jobs(jobs, cand, max(1, ns.jobs), ns.verbose, max_details=ns.max_details,
                      use_expect=not ns.self_test)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
