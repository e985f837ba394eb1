"$BIN" compile --out tree > /dev/null 2>&1 || exit 1
