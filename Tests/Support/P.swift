import LinliServer; import HummingbirdTesting
