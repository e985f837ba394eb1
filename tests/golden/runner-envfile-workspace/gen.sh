"$BIN" compile --out tree > /dev/null 2>&1 || exit 1
printf "TF_WORKSPACE=staging\n" > tree/env.d/aws
