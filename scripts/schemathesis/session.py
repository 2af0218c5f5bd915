"""Signs in to taith's web UI and prints the session: `<session cookie value> <csrf token>`.

Usage: session.py BASE_URL EMAIL  (the password on standard input)

The cookies are `Secure`, and HTTP clients keep those to https, so they are read from and sent
in the headers by hand. A 429 on the sign-in (the per-address sign-in limit) is waited out as
its `Retry-After` says.
"""

import http.client
import re
import sys
import time
import urllib.parse


def request(base, method, path, headers=None, body=None):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read().decode("utf-8", "replace")
    conn.close()
    return res.status, res.headers, data


def cookie(headers, name):
    for value in headers.get_all("Set-Cookie") or []:
        first = value.split(";", 1)[0]
        key, _, val = first.partition("=")
        if key.strip() == name:
            return val.strip()
    return None


def csrf_input(page):
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    return found.group(1) if found else None


def sign_in(base, email, password):
    for _ in range(10):
        status, headers, page = request(base, "GET", "/login")
        if status != 200:
            raise SystemExit(f"GET /login answered {status}")
        pre = cookie(headers, "taith_csrf")
        token = csrf_input(page)
        if not pre or not token:
            raise SystemExit("GET /login gave no CSRF cookie or form field")
        form = urllib.parse.urlencode(
            {"csrf": token, "email": email, "password": password, "next": "/"}
        )
        status, headers, _ = request(
            base,
            "POST",
            "/login",
            {
                "Cookie": f"taith_csrf={pre}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            form,
        )
        if status == 429:
            wait = int(headers.get("Retry-After") or "5")
            print(f"sign-in rate limited (429), waiting {wait} s", file=sys.stderr)
            time.sleep(wait)
            continue
        session = cookie(headers, "taith_session")
        if status not in (302, 303) or not session:
            raise SystemExit(f"signing in as {email} failed: POST /login answered {status}")
        # Any signed-in page carries the session's CSRF token in its forms (sign-out).
        path = "/"
        for _ in range(5):
            status, headers, page = request(
                base, "GET", path, {"Cookie": f"taith_session={session}"}
            )
            if status not in (301, 302, 303, 307, 308):
                break
            path = urllib.parse.urlsplit(headers.get("Location") or "/").path or "/"
        csrf = csrf_input(page)
        if status != 200 or not csrf:
            raise SystemExit(f"no CSRF token on the signed-in page (GET / answered {status})")
        return session, csrf
    raise SystemExit(f"signing in as {email}: still rate limited")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    password = sys.stdin.readline().rstrip("\n")
    session, csrf = sign_in(sys.argv[1].rstrip("/"), sys.argv[2], password)
    print(session, csrf)


if __name__ == "__main__":
    main()
