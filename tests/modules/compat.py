#!/usr/bin/env python3
"""compat.py [--provider5] [--emulator] DIR: rewrites a temporary copy of
the module test roots, printing every change; never run on the repository.
--provider5: for an AWS provider older than the pinned 6.x (the 5.x of the
local mirror). --emulator: drops what the local AWS emulator (moto) does not
implement; the mocked tests still cover it."""
import pathlib
import re
import sys

# (what, file glob, pattern, replacement)
RULES = [
    ("provider pin ~> 6.24 relaxed to >= 5.100", "versions.tf",
     r'version = "~> 6\.24"', 'version = ">= 5.100"'),
    ("data.aws_region: 6.x attribute region is name in 5.x", "*.tf",
     r"data\.aws_region\.this\.region\b", "data.aws_region.this.name"),
    ("test override of data.aws_region: region is name in 5.x", "*.tftest.hcl",
     r"values = \{ region = ", "values = { name = "),
    ("aws_s3_bucket: 6.x attribute bucket_region is region in 5.x", "*.tf",
     r"aws_s3_bucket\.this\.bucket_region\b", "aws_s3_bucket.this.region"),
    ("regional NAT gateway (6.24) has no 5.x form: made a zonal one in "
     "public[0] so the rest validates; its checks are skipped", "main.tf",
     r'  vpc_id            = aws_vpc\.this\[0\]\.id\n  availability_mode = "regional"\n',
     "  subnet_id         = aws_subnet.public[0].id\n"),
]


# moto 5.2.1 has no Application Auto Scaling tagging (ListTagsForResource),
# which the provider reads after creating a scalable target.
EMULATOR_BLOCKS = [
    ("aws_appautoscaling_target", "moto has no Application Auto Scaling tags"),
    ("aws_appautoscaling_policy", "moto has no Application Auto Scaling tags"),
]


def drop_block(text, rtype):
    """Removes every top-level resource block of type rtype."""
    out, n, skipping = [], 0, False
    for line in text.splitlines(keepends=True):
        if not skipping and line.startswith(f'resource "{rtype}" '):
            skipping, n = True, n + 1
            continue
        if skipping:
            if line.rstrip("\n") == "}":
                skipping = False
            continue
        out.append(line)
    return "".join(out), n


def main():
    args = sys.argv[1:]
    provider5 = "--provider5" in args
    emulator = "--emulator" in args
    root = pathlib.Path([a for a in args if not a.startswith("--")][0])
    if emulator:
        for rtype, why in EMULATOR_BLOCKS:
            for path in sorted(root.rglob("main.tf")):
                new, n = drop_block(path.read_text(), rtype)
                if n:
                    path.write_text(new)
                    print(f"emulator: {path.relative_to(root)}: {rtype} removed, {why} ({n}x)")
    if not provider5:
        return
    for what, glob, pattern, repl in RULES:
        for path in sorted(root.rglob(glob)):
            text = path.read_text()
            new, n = re.subn(pattern, repl, text)
            if n:
                path.write_text(new)
                print(f"compat: {path.relative_to(root)}: {what} ({n}x)")
    # Tests of 6.x-only behaviour cannot run on 5.x at all.
    for path in sorted(root.rglob("*.6x.tftest.hcl")):
        path.unlink()
        print(f"compat: {path.relative_to(root)}: removed, needs provider 6.x")


if __name__ == "__main__":
    main()
