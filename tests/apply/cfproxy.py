"""cfproxy.py: a stand-in for the CloudFront APIs moto lacks.

moto 5.2.1 emulates distributions and origin access controls but not the
managed cache and origin request policies that the cdn module reads by
name.  This proxy answers ListCachePolicies, GetCachePolicy,
ListOriginRequestPolicies and GetOriginRequestPolicy with AWS's managed
policies (their documented, well-known ids) and forwards every other
CloudFront request to moto unchanged.
"""
import http.client
import http.server
import ssl
import threading
import urllib.parse

NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/"

# The managed policies as AWS documents them (name, id and settings).
CACHE_POLICIES = {
    "658327ea-f89d-4fab-a63d-7e88639e58f6": (
        "Managed-CachingOptimized",
        "Policy with caching enabled. Supports Gzip and Brotli compression.",
        86400, 31536000, 1),
    "4135ea2d-6df8-44a3-9df3-4b5a84be39ad": (
        "Managed-CachingDisabled", "Policy with caching disabled", 0, 0, 0),
}
ORIGIN_REQUEST_POLICIES = {
    "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf": (
        "Managed-CORS-S3Origin", "Policy for S3 origin with CORS",
        ["origin", "access-control-request-headers",
         "access-control-request-method"]),
    "59781a5b-3903-41f3-afcb-af62929ccde1": (
        "Managed-CORS-CustomOrigin", "Policy for custom origin with CORS",
        ["origin"]),
}

# Requests answered here, for the suite's report.
answered = []


def cache_policy_xml(pid):
    name, comment, default_ttl, max_ttl, min_ttl = CACHE_POLICIES[pid]
    return (
        f"<CachePolicy><Id>{pid}</Id>"
        "<LastModifiedTime>2020-01-01T00:00:00Z</LastModifiedTime>"
        f"<CachePolicyConfig><Comment>{comment}</Comment><Name>{name}</Name>"
        f"<DefaultTTL>{default_ttl}</DefaultTTL><MaxTTL>{max_ttl}</MaxTTL>"
        f"<MinTTL>{min_ttl}</MinTTL>"
        "<ParametersInCacheKeyAndForwardedToOrigin>"
        "<EnableAcceptEncodingGzip>true</EnableAcceptEncodingGzip>"
        "<EnableAcceptEncodingBrotli>true</EnableAcceptEncodingBrotli>"
        "<HeadersConfig><HeaderBehavior>none</HeaderBehavior></HeadersConfig>"
        "<CookiesConfig><CookieBehavior>none</CookieBehavior></CookiesConfig>"
        "<QueryStringsConfig><QueryStringBehavior>none</QueryStringBehavior>"
        "</QueryStringsConfig></ParametersInCacheKeyAndForwardedToOrigin>"
        "</CachePolicyConfig></CachePolicy>")


def origin_request_policy_xml(pid):
    name, comment, headers = ORIGIN_REQUEST_POLICIES[pid]
    items = "".join(f"<Name>{h}</Name>" for h in headers)
    return (
        f"<OriginRequestPolicy><Id>{pid}</Id>"
        "<LastModifiedTime>2020-01-01T00:00:00Z</LastModifiedTime>"
        f"<OriginRequestPolicyConfig><Comment>{comment}</Comment>"
        f"<Name>{name}</Name><HeadersConfig>"
        "<HeaderBehavior>whitelist</HeaderBehavior>"
        f"<Headers><Quantity>{len(headers)}</Quantity><Items>{items}</Items>"
        "</Headers></HeadersConfig>"
        "<CookiesConfig><CookieBehavior>none</CookieBehavior></CookiesConfig>"
        "<QueryStringsConfig><QueryStringBehavior>none</QueryStringBehavior>"
        "</QueryStringsConfig></OriginRequestPolicyConfig>"
        "</OriginRequestPolicy>")


def listing(tag, summary, kind, table, render):
    items = "".join(f"<{summary}><Type>managed</Type>{render(pid)}</{summary}>"
                    for pid in table)
    return (f'<{tag} xmlns="{NS}"><MaxItems>100</MaxItems>'
            f"<Quantity>{len(table)}</Quantity><Items>{items}</Items></{tag}>")


def local_answer(method, path):
    """The body of a request answered here, or None to forward it."""
    if method != "GET":
        return None
    parts = urllib.parse.urlsplit(path).path.strip("/").split("/")
    if len(parts) < 2 or parts[0] != "2020-05-31":
        return None
    if parts[1] == "cache-policy":
        table, render, tag = CACHE_POLICIES, cache_policy_xml, "CachePolicy"
        lst = ("CachePolicyList", "CachePolicySummary")
    elif parts[1] == "origin-request-policy":
        table, render = ORIGIN_REQUEST_POLICIES, origin_request_policy_xml
        tag = "OriginRequestPolicy"
        lst = ("OriginRequestPolicyList", "OriginRequestPolicySummary")
    else:
        return None
    if len(parts) == 2:
        return listing(lst[0], lst[1], "managed", table, render)
    if len(parts) == 3 and parts[2] in table:
        xml = render(parts[2])
        return xml.replace(f"<{tag}>", f'<{tag} xmlns="{NS}">', 1)
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = None  # (host, port, ssl context)

    def log_message(self, *args):
        pass

    def relay(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        local = local_answer(self.command, self.path)
        if local is not None:
            answered.append(f"{self.command} {self.path.split('?')[0]}")
            data = local.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("ETag", "E1MANAGED")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        host, port, ctx = self.upstream
        conn = http.client.HTTPSConnection(host, port, context=ctx, timeout=60)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("connection", "transfer-encoding")}
        conn.request(self.command, self.path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("connection", "transfer-encoding",
                                 "content-length", "server", "date"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = relay


def start(upstream_port, cafile):
    """Serves on a free loopback port; returns the server (its port)."""
    ctx = ssl.create_default_context(cafile=cafile)
    handler = type("H", (Handler,), {"upstream": ("127.0.0.1",
                                                  upstream_port, ctx)})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv
