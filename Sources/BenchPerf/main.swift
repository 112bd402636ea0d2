print("bench-perf")
