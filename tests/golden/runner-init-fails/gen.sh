"$BIN" compile --out tree > /dev/null 2>&1 || exit 1
printf "AWS_ACCESS_KEY_ID=AKIAEXAMPLEONLY\nAWS_SECRET_ACCESS_KEY=example\n" > tree/env.d/aws
# BIN is build/<flavour>/siteinfra: the fake is in the same checkout.
cp "$(dirname "$BIN")/../../tests/adopt/fake-terraform" . || exit 1
