#!/usr/bin/env python3
"""compat.py DIR: rewrites a temporary copy of the module test roots for an
AWS provider older than the pinned 6.x (the 5.x of the local mirror),
printing every change. Never run on the repository itself."""
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
    ("regional NAT gateway (6.24) has no 5.x form: made a zonal one in "
     "public[0] so the rest validates; its checks are skipped", "main.tf",
     r'  vpc_id            = aws_vpc\.this\[0\]\.id\n  availability_mode = "regional"\n',
     "  subnet_id         = aws_subnet.public[0].id\n"),
]


def main():
    root = pathlib.Path(sys.argv[1])
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
