# The example's environment root with the real provider, its profiles
# answered by a local AWS emulator whose account is 123456789012: the
# provider's allowed_account_ids must stop the plan before anything else.

run "account" {
  command = plan
}
