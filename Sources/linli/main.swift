import ArgumentParser; import LinliServer; print("x")
