#!/usr/bin/env python3
"""values.py ENDPOINT: prints, one a line, every secret value the leak root
wrote into the emulator (the database password, its URL, the generated
key), and fails when one is missing or too short to search for."""
import json
import sys

import boto3

client = boto3.client(
    "secretsmanager",
    endpoint_url=sys.argv[1],
    region_name="eu-west-1",
    aws_access_key_id="test",
    aws_secret_access_key="test",
)


def value(name):
    return client.get_secret_value(SecretId=name)["SecretString"]


db = json.loads(value("/botolph/leak/main"))
values = [
    db["password"],
    value("/botolph/leak/main-url"),
    value("/botolph/leak/django_secret_key"),
]
if db["username"] != "botolphs" or not values[1].startswith("postgres://botolphs:"):
    sys.exit(f"unexpected secret contents: user {db['username']}")
if values[1].split(":")[2].split("@")[0] != db["password"]:
    sys.exit("the URL does not hold the password the secret holds")
for v in values:
    if len(v) < 16:
        sys.exit(f"a secret value is only {len(v)} characters long")
if len(values[2]) != 50:
    sys.exit(f"the generated key has {len(values[2])} characters, not 50")
print("\n".join(values))
