#!/usr/bin/env python3
"""probes.py — raw-byte robustness probes of `pflint lsp` over stdio.

The probes of ../shared/reference/lsp.md §2 ("Malformed and huge input"),
sent as bytes to the real server process, each with the answer required
there: a truncated body gets -32700 and the next request is answered; 200,000
nested `[` are parsed iteratively (-32600, not a crash) and the next request
is answered; a body over the 64 MiB cap is skipped byte for byte and the
stream stays framed; odd header spellings are accepted; stdin EOF ends the
server cleanly (status 1 without shutdown, 0 after shutdown + exit); a
client process that dies ends the server too.
"""
import json
import os
import subprocess
import sys
import time


def frame(body: bytes, header="Content-Length") -> bytes:
    return f"{header}: {len(body)}\r\n\r\n".encode() + body


def msg(obj) -> bytes:
    return frame(json.dumps(obj).encode())


def replies(out: bytes):
    res = []
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        n = int(head.split(b":")[1])
        res.append(json.loads(rest[:n]))
        out = rest[n:]
    return res


def run(pflint, data: bytes, timeout=60):
    p = subprocess.run([pflint, "lsp"], input=data, capture_output=True, timeout=timeout)
    return p.returncode, replies(p.stdout), p.stderr.decode(errors="replace")


INIT = msg({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
PING = lambda i: msg({"jsonrpc": "2.0", "id": i, "method": "textDocument/documentSymbol", "params": {}})
BYE = msg({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}) + msg({"jsonrpc": "2.0", "method": "exit"})


def main():
    pflint = sys.argv[1]
    failures = []

    def expect(name, cond, detail=""):
        print(("ok: " if cond else "FAIL: ") + name)
        if not cond:
            failures.append(name + " " + detail)

    # Truncated JSON body, then a valid request.
    rc, r, _ = run(pflint, INIT + frame(b'{"jsonrpc":"2.0","id":1,"method":') + PING(2) + BYE)
    codes = [(x.get("id"), x.get("error", {}).get("code")) for x in r]
    expect("truncated body: -32700 with id null, next answered", (None, -32700) in codes and (2, -32602) in codes
           and rc == 0, str(codes))

    # 200,000 nested arrays (400 KB): parsed iteratively, answered, next answered.
    nested = b"[" * 200000 + b"]" * 200000
    rc, r, _ = run(pflint, INIT + frame(nested) + PING(3) + BYE)
    codes = [(x.get("id"), x.get("error", {}).get("code")) for x in r]
    expect("200,000 nested [: -32600, next answered", (None, -32600) in codes and (3, -32602) in codes and rc == 0,
           str(codes))

    # A body over the 64 MiB cap: skipped, the stream stays framed.
    big = b"x" * (64 * 1024 * 1024 + 1)
    rc, r, err = run(pflint, INIT + frame(big) + PING(4) + BYE, timeout=120)
    codes = [(x.get("id"), x.get("error", {}).get("code")) for x in r]
    expect("body over the cap skipped, next answered", (4, -32602) in codes and rc == 0 and "skipped" in err,
           str(codes))

    # Header spellings: lower case, extra Content-Type, duplicate length (the last counts).
    body = json.dumps({"jsonrpc": "2.0", "id": 5, "method": "textDocument/documentSymbol", "params": {}}).encode()
    odd = (b"content-length: 1\r\nContent-Type: application/vscode-jsonrpc; charset=utf8\r\n"
           + f"CONTENT-LENGTH: {len(body)}\r\n\r\n".encode() + body)
    rc, r, _ = run(pflint, INIT + odd + BYE)
    expect("odd headers accepted", any(x.get("id") == 5 for x in r) and rc == 0)

    # An announced length that never arrives: EOF ends the server cleanly (no shutdown: 1).
    rc, r, _ = run(pflint, INIT + b"Content-Length: 99999999999\r\n\r\n{}")
    expect("huge length then EOF: clean exit 1", rc == 1 and len(r) == 1, f"rc={rc}")

    # The client process dies: the server notices (processId) and ends.
    sleeper = subprocess.Popen(["sleep", "30"])
    server = subprocess.Popen([pflint, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    server.stdin.write(msg({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                            "params": {"processId": sleeper.pid, "capabilities": {}}}))
    server.stdin.flush()
    time.sleep(0.3)
    sleeper.kill()
    sleeper.wait()
    try:
        rc = server.wait(timeout=10)
        expect("client process gone: server ends", rc == 1, f"rc={rc}")
    except subprocess.TimeoutExpired:
        server.kill()
        expect("client process gone: server ends", False, "still running after 10 s")
    server.stdin.close()
    server.stdout.close()

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
