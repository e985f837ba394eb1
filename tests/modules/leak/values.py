#!/usr/bin/env python3
"""values.py ENDPOINT OUTPUTS: prints, one a line, every secret value the
leak root wrote into the emulator (the database password, its URL, the
generated key), and fails when one is missing or too short to search for,
or when the root's outputs (terraform output -json) do not reference the
secrets the way containers need."""
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
out = json.load(open(sys.argv[2]))
database = out["database"]["value"]
arns = {s["Name"]: s["ARN"] for s in client.list_secrets()["SecretList"]}
if database["password_value_from"] != arns["/botolph/leak/main"] + ":password::":
    sys.exit(f"password_value_from is {database['password_value_from']}")
if database["url_secret_arn"] != arns["/botolph/leak/main-url"]:
    sys.exit(f"url_secret_arn is {database['url_secret_arn']}")
if database["endpoint"] != database["address"] + ":5432":
    sys.exit(f"endpoint is {database['endpoint']}")
if out["django_secret_key"]["value"]["arn"] != arns["/botolph/leak/django_secret_key"]:
    sys.exit("the generated secret's arn output differs")
if "/botolph/leak/email_host_password" not in out["email_host_password"]["value"]["put_value_command"]:
    sys.exit("the external secret's put_value_command differs")
print("\n".join(values))
