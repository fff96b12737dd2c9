#!/usr/bin/env python3
# NAME
#   real_smtpd — a real Postfix smtpd on 127.0.0.1 (set up as in oracle.md
#   §4.1, in a temporary directory, stopped by PID at the end) probed with
#   `pflint simulate --connect` at may and encrypt.
# DESCRIPTION
#   Two listeners: STARTTLS with an EC certificate for mail.example.test
#   from a test CA, and one with smtpd_tls_security_level = none. Expected
#   (smtp(8)): may → Trusted TLS / plaintext; encrypt → Trusted TLS /
#   deferred "TLS is required, but was not offered". Needs root and Debian's
#   postfix package; fails (does not skip) without them. Bounded: 60 s.
import json, os, shutil, signal, socket, subprocess, sys, tempfile, time

pflint = sys.argv[1]
master = "/usr/lib/postfix/sbin/master"
if not os.path.exists(master) or not shutil.which("postfix", path="/usr/sbin:/usr/bin:/sbin"):
    print("FAIL: Postfix (master, postfix) not installed")
    sys.exit(1)
if os.geteuid() != 0:
    print("FAIL: needs root to run a Postfix master")
    sys.exit(1)

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p

work = tempfile.mkdtemp(prefix="pflint-smtpd-")
os.chmod(work, 0o755)
proc = None
try:
    pki = os.path.join(work, "pki")
    os.makedirs(pki)
    run = lambda *a: subprocess.run(a, cwd=pki, check=True, capture_output=True)
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
        "-out", "ca.pem", "-days", "30", "-subj", "/CN=pflint test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "server.key",
        "-out", "server.csr", "-subj", "/CN=mail.example.test")
    with open(os.path.join(pki, "server.ext"), "w") as f:
        f.write("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:mail.example.test\n")
    run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.pem", "-days", "30", "-extfile", "server.ext")
    with open(os.path.join(pki, "keychain.pem"), "w") as f:
        for n in ("server.key", "server.pem", "ca.pem"):
            f.write(open(os.path.join(pki, n)).read())
    tls_port, plain_port = free_port(), free_port()
    srv = os.path.join(work, "srv")
    os.makedirs(srv)
    for d in ("q", "data"):
        os.makedirs(os.path.join(work, d))
    shutil.chown(os.path.join(work, "data"), "postfix")
    with open(os.path.join(srv, "main.cf"), "w") as f:
        f.write(f"""compatibility_level = 3.6
queue_directory = {work}/q
data_directory = {work}/data
myhostname = mail.example.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
local_recipient_maps =
alias_maps =
alias_database =
maillog_file = /dev/stdout
smtpd_tls_security_level = may
smtpd_tls_chain_files = {pki}/keychain.pem
""")
    with open(os.path.join(srv, "master.cf"), "w") as f:
        f.write(f"""127.0.0.1:{tls_port} inet n - n - - smtpd
127.0.0.1:{plain_port} inet n - n - - smtpd
  -o smtpd_tls_security_level=none
postlog unix-dgram n - n - 1 postlogd
tlsmgr unix - - n 1000? 1 tlsmgr
anvil unix - - n - 1 anvil
cleanup unix n - n - 0 cleanup
rewrite unix - - n - - trivial-rewrite
proxymap unix - - n - - proxymap
scache unix - - n - 1 scache
""")
    old = time.time() - 3600
    for n in ("main.cf", "master.cf"):
        os.utime(os.path.join(srv, n), (old, old))
    subprocess.run(["postfix", "-c", srv, "check"], capture_output=True, timeout=30)
    log = open(os.path.join(work, "master.log"), "w")
    proc = subprocess.Popen([master, "-c", srv, "-d"], stdin=subprocess.DEVNULL, stdout=log,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", tls_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        print("FAIL: Postfix master did not start listening")
        print(open(os.path.join(work, "master.log")).read()[-2000:])
        sys.exit(1)
    fails = 0
    for level in ("may", "encrypt"):
        cfg = os.path.join(work, "client-" + level)
        os.makedirs(cfg)
        with open(os.path.join(cfg, "main.cf"), "w") as f:
            f.write(f"compatibility_level = 3.6\nsmtp_tls_security_level = {level}\nsmtp_tls_CAfile = {pki}/ca.pem\n")
        expect = {"may": {tls_port: "tls", plain_port: "plaintext"},
                  "encrypt": {tls_port: "tls", plain_port: "deferred"}}[level]
        for port, want in expect.items():
            out = subprocess.run([pflint, "simulate", "-c", cfg, "--connect", f"127.0.0.1:{port}", "--mx-host",
                                  "mail.example.test", "--timeout", "10", "--format", "json"],
                                 capture_output=True, text=True, timeout=30)
            r = json.loads(out.stdout)["results"][0]
            ok = r["outcome"] == want and (want != "tls" or r["verdict"] == "Trusted TLS")
            print("%s %s :%d → %s (%s) %s" % ("ok  " if ok else "FAIL", level, port, r["outcome"], r["verdict"],
                                              r["reason"] or " ".join(r["log"][-1:])))
            fails += not ok
    if fails:
        print(open(os.path.join(work, "master.log")).read()[-3000:])
    sys.exit(1 if fails else 0)
finally:
    if proc:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
    shutil.rmtree(work, ignore_errors=True)
