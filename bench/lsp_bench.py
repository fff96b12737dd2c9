#!/usr/bin/env python3
"""lsp_bench.py — didChange → publishDiagnostics latency of `pflint lsp`, end to end.

Generates a typical main.cf of LINES lines (bench/gen_main_cf.py's mix is
worst-case; this one is settings, comments and $references) plus a
master.cf, opens both, then sends EDITS full-text changes alternating a good
and a bad line and measures, per change, the time until the server's
publishDiagnostics for that version arrives; the same for hover at a
parameter. Prints median / p99 and the server's RSS. With clangd on PATH,
the same didChange → diagnostics latency for a C file of LINES lines is
measured side by side as the anchor (clangd debounces 50+ ms).
Usage: python3 bench/lsp_bench.py PFLINT [LINES=5000] [EDITS=200]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


class Client:
    def __init__(self, argv):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 1

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = 0
        while True:
            line = self.p.stdout.readline()
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == i and "method" not in m:
                return m
            if "method" in m and "id" in m:  # a server request: answer it
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})

    def wait_publish(self, uri, version):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and \
                    m["params"].get("version", version) == version:
                return m
            if "method" in m and "id" in m:
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})

    def rss_kb(self):
        with open(f"/proc/{self.p.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def measure(argv, uri, text_of, edits, language, extra_open=()):
    c = Client(argv)
    c.request("initialize", {"processId": os.getpid(), "capabilities": {}, "rootUri": None})
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    for u, t, lang in extra_open:
        c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": u, "languageId": lang, "version": 1, "text": t}}})
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text_of(0)}}})
    c.wait_publish(uri, 1)
    times = []
    for k in range(edits):
        v = k + 2
        t0 = time.perf_counter()
        c.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": text_of(k + 1)}]}})
        c.wait_publish(uri, v)
        times.append((time.perf_counter() - t0) * 1000)
    return c, times


def main():
    pflint = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    tmp = tempfile.mkdtemp()
    # Typical: comments, settings that reference others, one finding.
    # Worst (WORST=1): a finding on every other line (unused names with a
    # did-you-mean search, a duplicated setting).
    worst = os.environ.get("WORST") == "1"
    body = []
    for i in range(lines // 4):
        if worst:
            body += [f"# setting group {i}", f"user_param_{i} = value{i} $myhostname",
                     f"other_{i} = $user_param_{i}, more text", "smtp_tls_security_level = may"]
        else:
            body += [f"# setting group {i}", f"user_param_{i} = value{i} $myhostname",
                     f"other_{i} = $user_param_{i}, more text", f"#   other_{i} is listed below"]
    if not worst:
        body.append("smtpd_restriction_classes = " + " ".join(f"other_{i}" for i in range(lines // 4)))
    main_cf = "\n".join(body) + "\n"
    master = "smtp unix - - y - - smtp\nrelay unix - - y - - smtp\n  -o smtp_tls_security_level=encrypt\n"
    uri = f"file://{tmp}/main.cf"
    text_of = lambda k: main_cf + ("smtp_tls_security_level = bogus\n" if k % 2 else "")
    c, times = measure([pflint, "lsp"], uri, text_of, edits, "pfmain",
                       [(f"file://{tmp}/master.cf", master, "pfmaster")])
    hover = []
    for k in range(edits):
        t0 = time.perf_counter()
        c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1 + 4 * (k % 100), "character": 3}})
        hover.append((time.perf_counter() - t0) * 1000)
    rss = c.rss_kb()
    c.p.kill()
    print(f"pflint lsp, {'worst-case' if worst else 'typical'} main.cf of {lines} lines ({len(main_cf)} bytes), {edits} edits:")
    print(f"  didChange → publishDiagnostics  median {statistics.median(times):.2f} ms  p99 {pct(times, .99):.2f} ms")
    print(f"  hover                            median {statistics.median(hover):.2f} ms  p99 {pct(hover, .99):.2f} ms")
    print(f"  RSS with both files open         {rss / 1024:.1f} MB")
    clangd = shutil.which("clangd") or shutil.which("clangd-14")
    if clangd:
        c_src = "".join(f"int f{i}(int x) {{ return x + {i}; }}\n" for i in range(lines))
        c_uri = f"file://{tmp}/a.c"
        c_text = lambda k: c_src + ("int bad = ;\n" if k % 2 else "")
        n = min(edits, 30)
        cc, ctimes = measure([clangd, "--log=error"], c_uri, c_text, n, "c")
        cc.p.kill()
        print(f"clangd (anchor), C file of {lines} lines, {n} edits:")
        print(f"  didChange → publishDiagnostics  median {statistics.median(ctimes):.2f} ms  p99 {pct(ctimes, .99):.2f} ms")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
